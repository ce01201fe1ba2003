// scenario: a refused nonblocking connect records FD_CONNECT with WSAECONNREFUSED and no FD_WRITE
// source: lpwspenumnetworkevents.md, event FD_CONNECT error WSAECONNREFUSED "An attempt to connect was forcefully rejected."
// wsplint:net 10.9.0.0/16 refuse
// wsplint:snippet
void fd_connect_refused(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    WSANETWORKEVENTS ne;
    WSAEVENT ev = WSACreateEvent();
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(25);
    to.sin_addr.s_addr = inet_addr("10.9.1.1");
    WSPEventSelect(c, ev, FD_CONNECT | FD_WRITE, &err); // expect: WSPEventSelect -> 0
    WSPConnect(c, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    WSAWaitForMultipleEvents(1, &ev, FALSE, WSA_INFINITE, FALSE); // expect: WSAWaitForMultipleEvents -> 0 // event: FD_CONNECT WSAECONNREFUSED
    WSPEnumNetworkEvents(c, ev, &ne, &err); // expect: WSPEnumNetworkEvents -> 0
    printf("%d %d\n", ne.lNetworkEvents, ne.iErrorCode[FD_CONNECT_BIT]);
    // output: 16 10061
}
