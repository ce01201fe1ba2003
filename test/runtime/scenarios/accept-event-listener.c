// scenario: a listening socket under WSPEventSelect records FD_ACCEPT when a connection arrives; the accepted socket inherits the selection and records FD_WRITE
// source: lpwspaccept.md (the accepted socket has the same properties as the listening socket); Wine sock.c test_accept_events ("The socket returned from accept() inherits the same parameters": FD_WRITE on the server socket)
// wsplint:snippet
void accept_events(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET };
    WSAEVENT ev = WSACreateEvent();
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET a;
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&me, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 2, &err); // expect: WSPListen -> 0
    WSPEventSelect(l, ev, FD_ACCEPT | FD_WRITE, &err); // expect: WSPEventSelect -> 0
    WSPConnect(c, (struct sockaddr *)&me, sizeof(me), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0 // event: FD_ACCEPT
    a = WSPAccept(l, NULL, NULL, NULL, 0, &err); // expect: WSPAccept -> ok // event: FD_WRITE
}
