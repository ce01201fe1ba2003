// scenario: connecting an IPv6 socket to an IPv4 address (and the reverse) fails with WSAEAFNOSUPPORT
// source: lpwspconnect.md error table, WSAEAFNOSUPPORT "Addresses in the specified family cannot be used with this socket."
// wsplint:snippet
void afnosupport(void)
{
    int err = 0;
    struct sockaddr_in v4 = { AF_INET };
    struct sockaddr_in6 v6 = { AF_INET6 };
    SOCKET s6 = WSPSocket(AF_INET6, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET s4 = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    v4.sin_port = htons(80);
    v4.sin_addr.s_addr = inet_addr("127.0.0.1");
    v6.sin6_port = htons(80);
    v6.sin6_addr.s6_addr[15] = 1;
    WSPConnect(s6, (struct sockaddr *)&v4, sizeof(v4), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEAFNOSUPPORT
    WSPConnect(s4, (struct sockaddr *)&v6, sizeof(v6), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEAFNOSUPPORT
}
