// scenario: with WSPAsyncSelect the completed connect posts FD_CONNECT then FD_WRITE once the snippet waits
// source: lpwspconnect.md remarks "If the client uses LPWSPAsyncSelect or LPWSPEventSelect, the notification is announced with FD_CONNECT"; lpwspasyncselect.md "This function automatically sets socket s to nonblocking mode"
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void async_select(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    HWND wnd = (HWND)1;
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPAsyncSelect(c, wnd, 0x401, FD_CONNECT | FD_WRITE, &err); // expect: WSPAsyncSelect -> 0
    WSPConnect(c, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    Sleep(100); // expect: Sleep -> 0 // event: FD_CONNECT // event: FD_WRITE
}
