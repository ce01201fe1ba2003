// scenario: after a failed blocking connect the same socket may connect again (here nonblocking, to a listener)
// source: lpwspconnect.md returns "the Winsock SPI client can call LPWSPConnect again for the same socket"; Wine sock.c test_connect "Test connect after previous connect attempt failure"
// wsplint:snippet
void retry(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in to = { AF_INET }, laddr = { AF_INET };
    u_long on = 1;
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0); // expect: socket -> ok
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0); // expect: socket -> ok
    SOCKET a;
    laddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&laddr, sizeof(laddr)); // expect: bind -> 0
    getsockname(l, (struct sockaddr *)&laddr, &len); // expect: getsockname -> 0
    listen(l, 1); // expect: listen -> 0
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(255);
    connect(c, (struct sockaddr *)&to, sizeof(to)); // expect: connect -> SOCKET_ERROR WSAECONNREFUSED
    printf("%d\n", WSAGetLastError()); // expect: WSAGetLastError -> 10061 WSAECONNREFUSED
    ioctlsocket(c, FIONBIO, &on); // expect: ioctlsocket -> 0
    connect(c, (struct sockaddr *)&laddr, sizeof(laddr)); // expect: connect -> SOCKET_ERROR WSAEWOULDBLOCK
    a = accept(l, NULL, NULL); // expect: accept -> ok
    closesocket(a); // expect: closesocket -> 0
    // output: 10061
}
