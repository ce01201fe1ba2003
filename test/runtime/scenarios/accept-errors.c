// scenario: WSPAccept fails with WSAEINVAL before WSPListen, WSAEOPNOTSUPP on a datagram socket, WSAEWOULDBLOCK when nonblocking with nothing queued, WSAEFAULT when addrlen is too small
// source: lpwspaccept.md error table (WSAEINVAL "WSPListen was not invoked prior to WSPAccept", WSAEOPNOTSUPP, WSAEWOULDBLOCK, WSAEFAULT "The addrlen parameter is too small"); Wine sock.c test_accept (socklen 0 gives WSAEFAULT)
// wsplint:snippet
void accept_errors(void)
{
    int err = 0, len = 0;
    struct sockaddr_in me = { AF_INET };
    SOCKADDR_STORAGE ss;
    u_long on = 1;
    DWORD n;
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET u = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&me, sizeof(me), &err); // expect: WSPBind -> 0
    WSPAccept(l, NULL, NULL, NULL, 0, &err); // expect: WSPAccept -> INVALID_SOCKET WSAEINVAL
    WSPAccept(u, NULL, NULL, NULL, 0, &err); // expect: WSPAccept -> INVALID_SOCKET WSAEOPNOTSUPP
    WSPListen(l, 1, &err); // expect: WSPListen -> 0
    WSPIoctl(l, FIONBIO, &on, sizeof(on), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    WSPAccept(l, NULL, NULL, NULL, 0, &err); // expect: WSPAccept -> INVALID_SOCKET WSAEWOULDBLOCK
    WSPAccept(l, (struct sockaddr *)&ss, &len, NULL, 0, &err); // expect: WSPAccept -> INVALID_SOCKET WSAEFAULT
}
