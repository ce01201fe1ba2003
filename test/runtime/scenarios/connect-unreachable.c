// scenario: a connect to an address the network does not declare fails with WSAENETUNREACH
// source: lpwspconnect.md error table, WSAENETUNREACH "The network cannot be reached from this host at this time."; wsplint's network model (undeclared addresses are unreachable)
// wsplint:snippet
void unreachable(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(443);
    to.sin_addr.s_addr = inet_addr("203.0.113.9");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAENETUNREACH
}
