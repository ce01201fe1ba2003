// scenario: WSPRecvFrom on a connected datagram socket fails with WSAEISCONN (WSPRecv is the call for it); both profiles, as no observation of Windows says otherwise
// source: lpwsprecvfrom.md error table, WSAEISCONN "Socket is connected. This function is not permitted with a connected socket, whether the socket is connection-oriented or connectionless."
// wsplint:snippet
void recvfrom_connected(void)
{
    int err = 0, len = sizeof(struct sockaddr_in), fromlen = sizeof(struct sockaddr_in);
    struct sockaddr_in ra = { AF_INET }, ta = { AF_INET }, from;
    char b[8] = "dgram";
    WSABUF buf = { 5, b };
    DWORD n = 0, flags = 0;
    SOCKET r = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET t = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    ra.sin_addr.s_addr = ta.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(r, (struct sockaddr *)&ra, sizeof(ra), &err); // expect: WSPBind -> 0
    WSPBind(t, (struct sockaddr *)&ta, sizeof(ta), &err); // expect: WSPBind -> 0
    WSPGetSockName(r, (struct sockaddr *)&ra, &len, &err); // expect: WSPGetSockName -> 0
    len = sizeof(ta);
    WSPGetSockName(t, (struct sockaddr *)&ta, &len, &err); // expect: WSPGetSockName -> 0
    WSPConnect(r, (struct sockaddr *)&ta, sizeof(ta), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPSendTo(t, &buf, 1, &n, 0, (struct sockaddr *)&ra, sizeof(ra), NULL, NULL, NULL, &err); // expect: WSPSendTo -> 0
    buf.len = sizeof(b);
    WSPRecvFrom(r, &buf, 1, &n, &flags, (struct sockaddr *)&from, &fromlen, NULL, NULL, NULL, &err); // expect: WSPRecvFrom -> SOCKET_ERROR WSAEISCONN
    WSPRecv(r, &buf, 1, &n, &flags, NULL, NULL, NULL, &err); // expect: WSPRecv -> 0
    printf("%u %.5s\n", n, b);
    // output: 5 dgram
}
