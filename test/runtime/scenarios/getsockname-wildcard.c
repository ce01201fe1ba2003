// scenario: WSPGetSockName on an unbound socket fails with WSAEINVAL; after an implicit wildcard bind (WSPSendTo) the spec still says WSAEINVAL, Windows returns 0.0.0.0 and the port
// source: lpwspgetsockname.md error table, WSAEINVAL "Socket has not been bound to an address with LPWSPBind, or ADDR_ANY is specified in LPWSPBind but connection has not yet occurred."; Wine sock.c test_WSASendTo (getsockname fails before, succeeds with a port after the send)
// wsplint:snippet
void sockname(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in to = { AF_INET }, me;
    char b[] = "x";
    WSABUF buf = { 1, b };
    DWORD n = 0;
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPGetSockName(s, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> SOCKET_ERROR WSAEINVAL
    to.sin_port = htons(139);
    to.sin_addr.s_addr = inet_addr("127.0.0.1");
    WSPSendTo(s, &buf, 1, &n, 0, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, &err); // expect: WSPSendTo -> 0
    WSPGetSockName(s, (struct sockaddr *)&me, &len, &err); // expect[spec]: WSPGetSockName -> SOCKET_ERROR WSAEINVAL // expect[windows]: WSPGetSockName -> 0
}
