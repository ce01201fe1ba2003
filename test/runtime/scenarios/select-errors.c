// scenario: WSPSelect with three NULL sets, or only empty sets, fails with WSAEINVAL; a closed socket in a set gives WSAENOTSOCK and leaves the sets unchanged
// source: lpwspselect.md error table (WSAEINVAL "all three descriptor parameters were NULL", WSAENOTSOCK "One of the descriptor sets contains an entry that is not a socket") and remarks "any non-null descriptor set must contain at least one socket descriptor"; Wine sock.c test_select "Try select() on a closed socket after connection"
// wsplint:snippet
void select_errors(void)
{
    int err = 0;
    fd_set r;
    struct timeval tv = { 0, 0 };
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET t = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPSelect(0, NULL, NULL, NULL, &tv, &err); // expect: WSPSelect -> SOCKET_ERROR WSAEINVAL
    FD_ZERO(&r);
    WSPSelect(0, &r, NULL, NULL, &tv, &err); // expect: WSPSelect -> SOCKET_ERROR WSAEINVAL
    FD_SET(s, &r);
    FD_SET(t, &r);
    WSPCloseSocket(t, &err); // expect: WSPCloseSocket -> 0
    WSPSelect(0, &r, NULL, NULL, &tv, &err); // expect: WSPSelect -> SOCKET_ERROR WSAENOTSOCK
    printf("%u\n", r.fd_count);
    // output: 2
}
