// scenario: receiving on an unbound datagram socket fails with WSAEINVAL; a datagram larger than the buffer is truncated with WSAEMSGSIZE
// source: lpwsprecv.md error table: WSAEINVAL "Socket has not been bound", WSAEMSGSIZE "Message was too large to fit into the specified buffer and (for unreliable protocols only) any trailing portion of the message that did not fit into the buffer has been discarded."
// wsplint:snippet
void recv_errors(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in a = { AF_INET };
    char big[] = "0123456789", small[4];
    WSABUF out = { 10, big }, in = { sizeof(small), small };
    DWORD n = 0, flags = 0;
    SOCKET r = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET t = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPRecv(r, &in, 1, &n, &flags, NULL, NULL, NULL, &err); // expect: WSPRecv -> SOCKET_ERROR WSAEINVAL
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(r, (struct sockaddr *)&a, sizeof(a), &err); // expect: WSPBind -> 0
    WSPGetSockName(r, (struct sockaddr *)&a, &len, &err); // expect: WSPGetSockName -> 0
    WSPSendTo(t, &out, 1, &n, 0, (struct sockaddr *)&a, sizeof(a), NULL, NULL, NULL, &err); // expect: WSPSendTo -> 0
    WSPRecv(r, &in, 1, &n, &flags, NULL, NULL, NULL, &err); // expect: WSPRecv -> SOCKET_ERROR WSAEMSGSIZE
    printf("%u %.4s\n", n, small);
    // output: 4 0123
}
