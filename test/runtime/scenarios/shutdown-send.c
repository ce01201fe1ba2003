// scenario: after WSPShutdown(SD_SEND) the peer reads end of stream (0 bytes, FD_CLOSE) and further sends fail with WSAESHUTDOWN
// source: lpwspsend.md error table, WSAESHUTDOWN "it is not possible to LPWSPSend on a socket after LPWSPShutdown has been invoked with how set to SD_SEND or SD_BOTH"; lpwspselect.md "If the virtual circuit was closed gracefully, then a LPWSPRecv will return immediately with zero bytes read."
// wsplint:snippet
void shutdown_send(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET };
    char b[8] = "data";
    WSABUF buf = { 4, b };
    DWORD n = 99, flags = 0;
    WSAEVENT ev = WSACreateEvent();
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET a;
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 1, &err); // expect: WSPListen -> 0
    WSPConnect(c, (struct sockaddr *)&me, sizeof(me), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    a = WSPAccept(l, NULL, NULL, NULL, 0, &err); // expect: WSPAccept -> ok
    WSPEventSelect(a, ev, FD_CLOSE, &err); // expect: WSPEventSelect -> 0
    WSPShutdown(c, SD_SEND, &err); // expect: WSPShutdown -> 0 // event: FD_CLOSE
    WSPSend(c, &buf, 1, &n, 0, NULL, NULL, NULL, &err); // expect: WSPSend -> SOCKET_ERROR WSAESHUTDOWN
    WSPRecv(a, &buf, 1, &n, &flags, NULL, NULL, NULL, &err); // expect: WSPRecv -> 0
    WSPShutdown(c, 7, &err); // expect: WSPShutdown -> SOCKET_ERROR WSAEINVAL
    printf("%u\n", n);
    // output: 0
}
