// scenario: calls through a WSPPROC_TABLE member reach the same functions (the way a layered provider calls the next one)
// source: ns-ws2spi-wspproc_table.md (the table of SPI entry points a provider fills in WSPStartup)
// wsplint:snippet
void proc_table(void)
{
    int err = 0;
    WSPPROC_TABLE next;
    struct sockaddr_in zero = { AF_INET };
    SOCKET s = next.lpWSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    next.lpWSPConnect(s, (struct sockaddr *)&zero, sizeof(zero), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEADDRNOTAVAIL
}
