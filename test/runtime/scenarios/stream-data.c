// scenario: bytes sent on a stream connection arrive at the accepted socket; FIONREAD counts them; a nonblocking receive with nothing queued gives WSAEWOULDBLOCK
// source: lpwspioctl.md FIONREAD "returns the total amount of data that can be read in a single receive operation"; lpwsprecv.md WSAEWOULDBLOCK "The socket is marked as nonblocking and the receive operation cannot be completed immediately."
// wsplint:snippet
void stream_data(void)
{
    int err = 0, len = sizeof(struct sockaddr_in);
    struct sockaddr_in me = { AF_INET };
    char out[] = "hello world", in[32];
    u_long avail = 0, on = 1;
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0); // expect: socket -> ok
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0); // expect: socket -> ok
    SOCKET a;
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&me, sizeof(me)); // expect: bind -> 0
    getsockname(l, (struct sockaddr *)&me, &len); // expect: getsockname -> 0
    listen(l, SOMAXCONN); // expect: listen -> 0
    connect(c, (struct sockaddr *)&me, sizeof(me)); // expect: connect -> 0
    a = accept(l, NULL, NULL); // expect: accept -> ok
    send(c, out, 11, 0); // expect: send -> 11
    ioctlsocket(a, FIONREAD, &avail); // expect: ioctlsocket -> 0
    memset(in, 0, sizeof(in));
    recv(a, in, 5, 0); // expect: recv -> 5
    recv(a, in + 5, sizeof(in) - 5, 0); // expect: recv -> 6
    ioctlsocket(a, FIONBIO, &on); // expect: ioctlsocket -> 0
    recv(a, in, sizeof(in), 0); // expect: recv -> SOCKET_ERROR WSAEWOULDBLOCK
    printf("%lu [%s]\n", avail, in);
    // output: 11 [hello world]
}
