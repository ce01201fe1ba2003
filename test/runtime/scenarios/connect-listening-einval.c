// scenario: WSPConnect on a listening socket fails with WSAEINVAL
// source: lpwspconnect.md error table, WSAEINVAL "Parameter s is a listening socket."; Wine sock.c test_connect (connect(listener) gives WSAEINVAL)
// wsplint:snippet
void connect_listening(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in addr = { 0 };
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&addr, sizeof(addr), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&addr, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 1, &err); // expect: WSPListen -> 0
    WSPConnect(l, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEINVAL
    printf("%d\n", err == WSAEINVAL);
    // output: 1
}
