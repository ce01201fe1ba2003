// scenario: WSPConnect on a datagram socket sets a default destination: WSPSend then works and WSPGetPeerName reports it
// source: lpwspconnect.md remarks "For a connectionless socket (for example, type SOCK_DGRAM), the operation performed by LPWSPConnect is to establish a default destination address"
// wsplint:snippet
void default_destination(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in rx = { AF_INET }, peer;
    char msg[] = "ping", buf[16];
    WSABUF out = { 4, msg }, in = { sizeof(buf), buf };
    DWORD n = 0, flags = 0;
    SOCKET r = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET t = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    rx.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(r, (struct sockaddr *)&rx, sizeof(rx), &err); // expect: WSPBind -> 0
    WSPGetSockName(r, (struct sockaddr *)&rx, &len, &err); // expect: WSPGetSockName -> 0
    WSPConnect(t, (struct sockaddr *)&rx, sizeof(rx), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPSend(t, &out, 1, &n, 0, NULL, NULL, NULL, &err); // expect: WSPSend -> 0
    WSPRecv(r, &in, 1, &n, &flags, NULL, NULL, NULL, &err); // expect: WSPRecv -> 0
    len = sizeof(peer);
    WSPGetPeerName(t, (struct sockaddr *)&peer, &len, &err); // expect: WSPGetPeerName -> 0
    printf("%u %.4s %d\n", n, buf, peer.sin_port == rx.sin_port);
    // output: 4 ping 1
}
