// scenario: WSPSelect with nothing ready waits exactly its timeout (virtual time) and returns 0; an unbound datagram socket is writable
// source: lpwspselect.md remarks "timeout points to a timeval structure that specifies the maximum time that LPWSPSelect should wait before returning"; Wine sock.c test_select "test UDP behavior of unbound sockets" (writable)
// wsplint:snippet
void select_timeout(void)
{
    int err = 0;
    fd_set r, w;
    struct timeval tv = { 1, 500000 };
    DWORD t0 = GetTickCount();
    SOCKET u = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    FD_ZERO(&r);
    FD_SET(s, &r);
    WSPSelect(0, &r, NULL, NULL, &tv, &err); // expect: WSPSelect -> 0
    printf("waited %u\n", GetTickCount() - t0);
    FD_ZERO(&w);
    FD_SET(u, &w);
    WSPSelect(0, NULL, &w, NULL, &tv, &err); // expect: WSPSelect -> 1
    // output: waited 1500
}
