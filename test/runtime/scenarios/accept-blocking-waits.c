// scenario: a blocking WSPAccept waits (in virtual time) for the nonblocking connect started before it, and returns the peer's address
// source: lpwspaccept.md returns ("WSPAccept returns a value of type SOCKET that is a descriptor for the accepted socket"); lpwspselect.md readability of a listening socket
// wsplint:snippet
void accept_waits(void)
{
    int err = 0, len = sizeof(struct sockaddr_in), plen = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET }, peer, cl;
    u_long on = 1;
    DWORD n;
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET a;
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 1, &err); // expect: WSPListen -> 0
    WSPIoctl(c, FIONBIO, &on, sizeof(on), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    WSPConnect(c, (struct sockaddr *)&me, sizeof(me), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    a = WSPAccept(l, (struct sockaddr *)&peer, &plen, NULL, 0, &err); // expect: WSPAccept -> ok
    len = sizeof(cl);
    WSPGetSockName(c, (struct sockaddr *)&cl, &len, &err); // expect: WSPGetSockName -> 0
    printf("%d %d\n", plen, peer.sin_port == cl.sin_port && a != INVALID_SOCKET);
    // output: 16 1
}
