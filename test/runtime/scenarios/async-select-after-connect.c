// scenario: WSPAsyncSelect on a socket that is already connected: the spec posts nothing (recording starts with the call); Windows posts FD_WRITE for the writable socket, but not FD_CONNECT
// source: lpwspenumnetworkevents.md (recording of network events commences with the selection); Wine sock.c test_connect_events "Connect and then select" in message mode (FD_WRITE only)
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void async_after_connect(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(c, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPAsyncSelect(c, (HWND)1, 0x401, FD_CONNECT | FD_WRITE | FD_READ, &err); // expect: WSPAsyncSelect -> 0 // event[windows]: FD_WRITE
    Sleep(50); // expect: Sleep -> 0
}
