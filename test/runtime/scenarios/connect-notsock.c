// scenario: WSPConnect on something that is not a socket (never created, or closed) fails with WSAENOTSOCK
// source: lpwspconnect.md error table, WSAENOTSOCK "The descriptor is not a socket."; Wine sock.c test_connect (ConnectEx on INVALID_SOCKET gives WSAENOTSOCK)
// wsplint:snippet
void notsock(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("127.0.0.1");
    WSPConnect(INVALID_SOCKET, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAENOTSOCK
    WSPCloseSocket(s, &err); // expect: WSPCloseSocket -> 0
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAENOTSOCK
}
