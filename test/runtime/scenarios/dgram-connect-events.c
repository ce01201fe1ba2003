// scenario: a datagram connect under WSPEventSelect: the spec records FD_WRITE only (FD_CONNECT is described for connection-oriented sockets); Windows records FD_CONNECT then FD_WRITE
// source: lpwspconnect.md remarks (FD_CONNECT in the paragraph on connection-oriented, nonblocking sockets); Wine sock.c test_connect_events "Test with UDP sockets" (Windows reports FD_CONNECT and FD_WRITE)
// wsplint:snippet
void dgram_events(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    WSAEVENT ev = WSACreateEvent();
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(7);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPEventSelect(s, ev, FD_CONNECT | FD_WRITE | FD_READ, &err); // expect: WSPEventSelect -> 0
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0 // event[windows]: FD_CONNECT // event: FD_WRITE
}
