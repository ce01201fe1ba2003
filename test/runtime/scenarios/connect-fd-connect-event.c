// scenario: with WSPEventSelect, a nonblocking connect that succeeds records FD_CONNECT (error 0) and then FD_WRITE, delivered when the snippet waits
// source: lpwspconnect.md remarks "the notification is announced with FD_CONNECT and the error code associated with the FD_CONNECT indicates either success or a specific reason for failure"; Wine sock.c test_connect_events (FD_CONNECT then FD_WRITE)
// wsplint:snippet
void fd_connect(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in addr = { AF_INET };
    WSANETWORKEVENTS ne;
    WSAEVENT ev = WSACreateEvent();
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&addr, sizeof(addr), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&addr, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 2, &err); // expect: WSPListen -> 0
    WSPEventSelect(c, ev, FD_CONNECT | FD_WRITE | FD_READ | FD_CLOSE, &err); // expect: WSPEventSelect -> 0
    WSPConnect(c, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    WSAWaitForMultipleEvents(1, &ev, FALSE, 1000, FALSE); // expect: WSAWaitForMultipleEvents -> 0 // event: FD_CONNECT // event: FD_WRITE
    WSPEnumNetworkEvents(c, ev, &ne, &err); // expect: WSPEnumNetworkEvents -> 0
    printf("%d %d\n", ne.lNetworkEvents == (FD_CONNECT | FD_WRITE), ne.iErrorCode[FD_CONNECT_BIT]);
    // output: 1 0
}
