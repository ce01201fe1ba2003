// scenario: a stream connect to the all-zero address fails with WSAEADDRNOTAVAIL
// source: lpwspconnect.md remarks "If the address member of the name structure is all zeroes, LPWSPConnect will return the error WSAEADDRNOTAVAIL."
// wsplint:snippet
void all_zero(void)
{
    int err = 0;
    struct sockaddr_in any;
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    memset(&any, 0, sizeof(any));
    any.sin_family = AF_INET;
    any.sin_port = htons(5000);
    WSPConnect(s, (struct sockaddr *)&any, sizeof(any), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEADDRNOTAVAIL
}
