// scenario: on a nonblocking socket lpCalleeData->len becomes valid (0 here) only after FD_CONNECT
// source: lpwspconnect.md remarks "For nonblocking sockets, this will be after the FD_CONNECT notification has occurred."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void callee_nonblocking(void)
{
    int err = 0;
    char reply[32];
    WSABUF callee;
    struct sockaddr_in to = { AF_INET };
    WSAEVENT ev = WSACreateEvent();
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    callee.len = sizeof(reply);
    callee.buf = reply;
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPEventSelect(s, ev, FD_CONNECT, &err); // expect: WSPEventSelect -> 0
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, &callee, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    printf("pending %u\n", callee.len);
    WSAWaitForMultipleEvents(1, &ev, TRUE, 1000, FALSE); // expect: WSAWaitForMultipleEvents -> 0 // event: FD_CONNECT
    printf("after FD_CONNECT %u\n", callee.len);
    // output: pending 32
    // output: after FD_CONNECT 0
}
