// scenario: FD_CONNECT and FD_WRITE come once per connection: re-selecting the same events reports nothing new
// source: lpwspeventselect.md "Issuing a LPWSPEventSelect for a socket ... clears the internal network event record"; Wine sock.c test_connect_events (event mode: no events after select_events(0) and select again)
// wsplint:snippet
void once(void)
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
    WSPEventSelect(c, ev, FD_CONNECT | FD_WRITE, &err); // expect: WSPEventSelect -> 0
    WSPConnect(c, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    Sleep(10); // expect: Sleep -> 0 // event: FD_CONNECT // event: FD_WRITE
    WSPEnumNetworkEvents(c, ev, &ne, &err); // expect: WSPEnumNetworkEvents -> 0
    WSPEventSelect(c, ev, 0, &err); // expect: WSPEventSelect -> 0
    WSPEventSelect(c, ev, FD_CONNECT | FD_WRITE, &err); // expect: WSPEventSelect -> 0
    WSAWaitForMultipleEvents(1, &ev, FALSE, 100, FALSE); // expect: WSAWaitForMultipleEvents -> WSA_WAIT_TIMEOUT
    WSPEnumNetworkEvents(c, ev, &ne, &err); // expect: WSPEnumNetworkEvents -> 0
    printf("%d\n", ne.lNetworkEvents);
    // output: 0
}
