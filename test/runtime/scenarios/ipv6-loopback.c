// scenario: IPv6 works like IPv4: listen on ::1, connect, and the accepted peer has a 28-byte sockaddr_in6
// source: lpwspconnect.md (name is "an address in the namespace of the socket"); lpwspbind.md
// wsplint:snippet
void ipv6(void)
{
    int err = 0, len = sizeof(struct sockaddr_in6), plen = sizeof(SOCKADDR_STORAGE);
    struct sockaddr_in6 me;
    SOCKADDR_STORAGE peer;
    SOCKET l = WSPSocket(AF_INET6, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET6, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    memset(&me, 0, sizeof(me));
    me.sin6_family = AF_INET6;
    inet_pton(AF_INET6, "::1", &me.sin6_addr);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 1, &err); // expect: WSPListen -> 0
    WSPConnect(c, (struct sockaddr *)&me, sizeof(me), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPAccept(l, (struct sockaddr *)&peer, &plen, NULL, 0, &err); // expect: WSPAccept -> ok
    printf("%d %d\n", plen, peer.ss_family == AF_INET6);
    // output: 28 1
}
