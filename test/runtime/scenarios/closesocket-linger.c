// scenario: WSPCloseSocket on a nonblocking socket with SO_LINGER set to a nonzero time-out fails with WSAEWOULDBLOCK and the socket stays open
// source: lpwspclosesocket.md: WSAEWOULDBLOCK "Socket is marked as nonblocking and SO_LINGER is set to a nonzero time-out value."; remarks "If SO_LINGER is enabled with a nonzero time-out with a nonblocking socket, LPWSPCloseSocket returns immediately, thus indicating failure."
// wsplint:snippet
void linger_close(void)
{
    int err = 0;
    struct linger lg = { 1, 5 };
    u_long on = 1;
    DWORD n;
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPSetSockOpt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg), &err); // expect: WSPSetSockOpt -> 0
    WSPIoctl(s, FIONBIO, &on, sizeof(on), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    WSPCloseSocket(s, &err); // expect: WSPCloseSocket -> SOCKET_ERROR WSAEWOULDBLOCK
    lg.l_onoff = 0;
    WSPSetSockOpt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg), &err); // expect: WSPSetSockOpt -> 0
    WSPCloseSocket(s, &err); // expect: WSPCloseSocket -> 0
    WSPCloseSocket(s, &err); // expect: WSPCloseSocket -> SOCKET_ERROR WSAENOTSOCK
}
