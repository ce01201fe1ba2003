// scenario: a second WSPConnect on a connected socket (either end) fails with WSAEISCONN
// source: lpwspconnect.md remarks "Any attempt to reconnect an active connection will fail with the error code WSAEISCONN."; Wine sock.c test_connect (connect on connector and acceptor gives WSAEISCONN)
// wsplint:snippet
void connect_isconn(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in addr = { 0 };
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET a;
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = inet_addr("127.0.0.1");
    WSPBind(l, (struct sockaddr *)&addr, sizeof(addr), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&addr, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 1, &err); // expect: WSPListen -> 0
    WSPConnect(c, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    a = WSPAccept(l, NULL, NULL, NULL, 0, &err); // expect: WSPAccept -> ok
    WSPConnect(c, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEISCONN
    WSPConnect(a, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEISCONN
}
