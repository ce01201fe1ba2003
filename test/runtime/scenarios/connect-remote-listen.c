// scenario: a blocking connect to a declared remote listener succeeds; the socket is bound implicitly and knows its peer
// source: lpwspconnect.md remarks "If the socket, s, is unbound, unique values are assigned to the local association by the system and the socket is marked as bound."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void remote_listen(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in to = { AF_INET }, me, peer;
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPGetSockName(s, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> SOCKET_ERROR WSAEINVAL
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPGetSockName(s, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> 0
    len = sizeof(peer);
    WSPGetPeerName(s, (struct sockaddr *)&peer, &len, &err); // expect: WSPGetPeerName -> 0
    printf("%s:%d\n", inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
    printf("bound %d\n", me.sin_port != 0);
    // output: 10.0.0.5:80
    // output: bound 1
}
