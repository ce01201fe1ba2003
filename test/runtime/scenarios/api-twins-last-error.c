// scenario: the API twins report failure through WSAGetLastError instead of lpErrno, and a successful call resets it to 0
// source: the ws2_32 API pages map each function onto its SPI twin; Wine sock.c test_WSASendTo (a successful WSASendTo leaves WSAGetLastError 0)
// wsplint:snippet
void api_twins(void)
{
    struct sockaddr_in any = { AF_INET };
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP); // expect: socket -> ok
    listen(s, 1); // expect: listen -> SOCKET_ERROR WSAEINVAL
    if (WSAGetLastError() == WSAEINVAL) printf("listen needs bind\n"); // expect: WSAGetLastError -> 10022 WSAEINVAL
    bind(s, (struct sockaddr *)&any, sizeof(any)); // expect: bind -> 0
    printf("%d\n", WSAGetLastError()); // expect: WSAGetLastError -> 0
    connect(s, (struct sockaddr *)&any, sizeof(any)); // expect: connect -> SOCKET_ERROR WSAEADDRNOTAVAIL
    closesocket(s); // expect: closesocket -> 0
    closesocket(s); // expect: closesocket -> SOCKET_ERROR WSAENOTSOCK
    // output: listen needs bind
    // output: 0
}
