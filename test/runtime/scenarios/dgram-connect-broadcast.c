// scenario: a datagram connect to a broadcast address needs SO_BROADCAST on the spec profile (WSAEACCES); current Windows lets it through
// source: lpwspconnect.md remarks "to connect to a broadcast address, a socket must have WSPSetSockOpt SO_BROADCAST enabled. Otherwise, LPWSPConnect will fail with the error code WSAEACCES."; the Windows behaviour is the one the wsplint brief (issue 3) records
// wsplint:snippet
void broadcast(void)
{
    int err = 0, on = 1;
    struct sockaddr_in all = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET b = WSPSocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    all.sin_port = htons(9);
    all.sin_addr.s_addr = htonl(INADDR_BROADCAST);
    WSPConnect(s, (struct sockaddr *)&all, sizeof(all), NULL, NULL, NULL, NULL, &err); // expect[spec]: WSPConnect -> SOCKET_ERROR WSAEACCES // expect[windows]: WSPConnect -> 0
    WSPSetSockOpt(b, SOL_SOCKET, SO_BROADCAST, (char *)&on, sizeof(on), &err); // expect: WSPSetSockOpt -> 0
    WSPConnect(b, (struct sockaddr *)&all, sizeof(all), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
}
