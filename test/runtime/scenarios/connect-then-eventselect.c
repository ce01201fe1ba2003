// scenario: WSPEventSelect after a blocking connect: the spec records only events from the call on; Windows still reports the FD_CONNECT and FD_WRITE that were never reported
// source: lpwspenumnetworkevents.md "Recording of network events commences when LPWSPEventSelect is called with a nonzero lNetworkEvents parameter"; Wine sock.c test_connect_events "Connect and then select" (event mode gets FD_CONNECT and FD_WRITE)
// wsplint:snippet
void connect_then_select(void)
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
    WSPConnect(c, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPEventSelect(c, ev, FD_CONNECT | FD_WRITE, &err); // expect: WSPEventSelect -> 0 // event[windows]: FD_CONNECT // event[windows]: FD_WRITE
    WSPEnumNetworkEvents(c, ev, &ne, &err); // expect: WSPEnumNetworkEvents -> 0
    printf("%d\n", ne.lNetworkEvents);
    // output[spec]: 0
    // output[windows]: 18
}
