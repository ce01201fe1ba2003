// scenario: WSPConnect with a NULL name or a namelen smaller than a sockaddr_in fails with WSAEFAULT
// source: lpwspconnect.md error table, WSAEFAULT "The name or the namelen parameter is not a valid part of the user address space, the namelen parameter is too small"
// wsplint:snippet
void efault(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("127.0.0.1");
    WSPConnect(s, NULL, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEFAULT
    WSPConnect(s, (struct sockaddr *)&to, 8, NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEFAULT
    WSPConnect(s, (struct sockaddr *)&to, -1, NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEFAULT
}
