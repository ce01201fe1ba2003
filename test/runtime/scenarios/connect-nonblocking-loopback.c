// scenario: a nonblocking stream connect returns WSAEWOULDBLOCK even to a loopback listener, and WSPSelect then reports it writable
// source: lpwspconnect.md remarks "this function returns with the error WSAEWOULDBLOCK but the operation proceeds ... success is reported in the writefds set"; Wine sock.c test_select (connector signalled through the write descriptor, SO_ERROR 0)
// wsplint:snippet
void nonblocking_loopback(void)
{
    int err = 0, len = sizeof(struct sockaddr_in), soerr = -1, optlen = sizeof(int);
    struct sockaddr_in addr = { 0 };
    u_long on = 1;
    DWORD got = 0;
    fd_set w;
    struct timeval tv = { 1, 0 };
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET c = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&addr, sizeof(addr), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&addr, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 5, &err); // expect: WSPListen -> 0
    WSPIoctl(c, FIONBIO, &on, sizeof(on), NULL, 0, &got, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    WSPConnect(c, (struct sockaddr *)&addr, sizeof(addr), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    FD_ZERO(&w);
    FD_SET(c, &w);
    WSPSelect(0, NULL, &w, NULL, &tv, &err); // expect: WSPSelect -> 1
    WSPGetSockOpt(c, SOL_SOCKET, SO_ERROR, (char *)&soerr, &optlen, &err); // expect: WSPGetSockOpt -> 0
    printf("writable %d, SO_ERROR %d\n", FD_ISSET(c, &w), soerr);
    // output: writable 1, SO_ERROR 0
}
