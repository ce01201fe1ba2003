// scenario: an unconnected datagram socket cannot WSPSend (WSAENOTCONN); connecting to the all-zero address disconnects it again, while WSPSendTo keeps working
// source: lpwspconnect.md remarks "If the address member of the name structure is all zeroes, the socket will be disconnected ... LPWSPSend and LPWSPRecv calls will return the error code WSAENOTCONN. However, LPWSPSendTo and LPWSPRecvFrom can still be used."
// wsplint:snippet
void disconnect(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in rx = { AF_INET }, zero = { AF_INET };
    char msg[] = "x";
    WSABUF out = { 1, msg };
    DWORD n = 0;
    SOCKET r = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET t = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    rx.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(r, (struct sockaddr *)&rx, sizeof(rx), &err); // expect: WSPBind -> 0
    WSPGetSockName(r, (struct sockaddr *)&rx, &len, &err); // expect: WSPGetSockName -> 0
    WSPSend(t, &out, 1, &n, 0, NULL, NULL, NULL, &err); // expect: WSPSend -> SOCKET_ERROR WSAENOTCONN
    WSPConnect(t, (struct sockaddr *)&rx, sizeof(rx), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPSend(t, &out, 1, &n, 0, NULL, NULL, NULL, &err); // expect: WSPSend -> 0
    WSPConnect(t, (struct sockaddr *)&zero, sizeof(zero), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPSend(t, &out, 1, &n, 0, NULL, NULL, NULL, &err); // expect: WSPSend -> SOCKET_ERROR WSAENOTCONN
    WSPSendTo(t, &out, 1, &n, 0, (struct sockaddr *)&rx, sizeof(rx), NULL, NULL, NULL, &err); // expect: WSPSendTo -> 0
}
