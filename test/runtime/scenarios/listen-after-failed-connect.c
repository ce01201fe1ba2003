// scenario: a socket whose nonblocking connect failed is still bound and may listen
// source: Wine sock.c test_select "Test listening after a failed connection" (listen succeeds on Windows); lpwsplisten.md lists no error for this state
// wsplint:snippet
void listen_after_failure(void)
{
    int err = 0;
    struct sockaddr_in me = { AF_INET }, bad = { AF_INET };
    fd_set x;
    struct timeval tv = { 10, 0 };
    WSAEVENT ev = WSACreateEvent();
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(s, (struct sockaddr *)&me, sizeof(me), &err); // expect: WSPBind -> 0
    bad.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bad.sin_port = htons(255);
    WSPEventSelect(s, ev, 0, &err); // expect: WSPEventSelect -> 0
    WSPConnect(s, (struct sockaddr *)&bad, sizeof(bad), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    FD_ZERO(&x);
    FD_SET(s, &x);
    WSPSelect(0, NULL, NULL, &x, &tv, &err); // expect: WSPSelect -> 1
    WSPListen(s, 1, &err); // expect: WSPListen -> 0
}
