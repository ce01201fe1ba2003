// scenario: a datagram to a loopback port nobody is bound to draws "port unreachable"; the next WSPRecvFrom fails with WSAECONNRESET, then the socket works again
// source: lpwspRecvFrom.md error table, WSAECONNRESET "On a UDP datagram socket this error would indicate that a previous send operation resulted in an ICMP Port Unreachable message."
// wsplint:snippet
void icmp_reset(void)
{
    int err = 0, fromlen = sizeof(struct sockaddr_in);
    struct sockaddr_in to = { AF_INET }, from;
    char b[8] = "hi";
    WSABUF buf = { sizeof(b), b };
    DWORD n = 0, flags = 0;
    u_long on = 1;
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(9999);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPIoctl(s, FIONBIO, &on, sizeof(on), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    buf.len = 2;
    WSPSendTo(s, &buf, 1, &n, 0, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, &err); // expect: WSPSendTo -> 0
    buf.len = sizeof(b);
    WSPRecvFrom(s, &buf, 1, &n, &flags, (struct sockaddr *)&from, &fromlen, NULL, NULL, NULL, &err); // expect: WSPRecvFrom -> SOCKET_ERROR WSAECONNRESET
    WSPRecvFrom(s, &buf, 1, &n, &flags, (struct sockaddr *)&from, &fromlen, NULL, NULL, NULL, &err); // expect: WSPRecvFrom -> SOCKET_ERROR WSAEWOULDBLOCK
}
