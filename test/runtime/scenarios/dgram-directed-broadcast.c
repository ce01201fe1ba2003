// scenario: the directed broadcast address of this host's subnet (192.168.1.255) counts as a broadcast address too
// source: lpwspconnect.md remarks "For connectionless sockets, name can indicate any valid address, including a broadcast address. However, to connect to a broadcast address, a socket must have ... SO_BROADCAST enabled."
// wsplint:snippet
void directed(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(9);
    to.sin_addr.s_addr = inet_addr("192.168.1.255");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect[spec]: WSPConnect -> SOCKET_ERROR WSAEACCES // expect[windows]: WSPConnect -> 0
}
