// scenario: a connected datagram socket drops datagrams from other addresses, and reconnecting to a different name discards what was queued
// source: lpwspconnect.md remarks "Any datagrams received from an address other than the destination address specified will be discarded." and "Any datagrams queued for receipt are discarded if name is different from the previous LPWSPConnect."
// wsplint:snippet
void reconnect(void)
{
    int err = 0, len = sizeof(struct sockaddr_in), avail = 0;
    struct sockaddr_in ra = { AF_INET }, pa = { AF_INET }, pb = { AF_INET };
    char m[] = "abc";
    DWORD got = 0;
    SOCKET r = socket(AF_INET, SOCK_DGRAM, 0); // expect: socket -> ok
    SOCKET a = socket(AF_INET, SOCK_DGRAM, 0); // expect: socket -> ok
    SOCKET b = socket(AF_INET, SOCK_DGRAM, 0); // expect: socket -> ok
    ra.sin_addr.s_addr = pa.sin_addr.s_addr = pb.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(r, (struct sockaddr *)&ra, sizeof(ra)); // expect: bind -> 0
    bind(a, (struct sockaddr *)&pa, sizeof(pa)); // expect: bind -> 0
    bind(b, (struct sockaddr *)&pb, sizeof(pb)); // expect: bind -> 0
    getsockname(r, (struct sockaddr *)&ra, &len); // expect: getsockname -> 0
    len = sizeof(pa);
    getsockname(a, (struct sockaddr *)&pa, &len); // expect: getsockname -> 0
    len = sizeof(pb);
    getsockname(b, (struct sockaddr *)&pb, &len); // expect: getsockname -> 0
    connect(r, (struct sockaddr *)&pa, sizeof(pa)); // expect: connect -> 0
    sendto(b, m, 3, 0, (struct sockaddr *)&ra, sizeof(ra)); // expect: sendto -> 3
    sendto(a, m, 3, 0, (struct sockaddr *)&ra, sizeof(ra)); // expect: sendto -> 3
    ioctlsocket(r, FIONREAD, (u_long *)&avail); // expect: ioctlsocket -> 0
    printf("queued %d\n", avail);
    connect(r, (struct sockaddr *)&pb, sizeof(pb)); // expect: connect -> 0
    ioctlsocket(r, FIONREAD, (u_long *)&avail); // expect: ioctlsocket -> 0
    printf("after reconnect %d\n", avail);
    // output: queued 3
    // output: after reconnect 0
}
