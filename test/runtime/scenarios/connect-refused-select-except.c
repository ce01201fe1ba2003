// scenario: a refused nonblocking connect shows in exceptfds with SO_ERROR WSAECONNREFUSED; reading SO_ERROR clears it on the spec profile but not on Windows
// source: lpwspselect.md "If a socket is making a LPWSPConnect (nonblocking) connection, failure of the connect attempt is indicated in exceptfds"; lpwspgetsockopt.md SO_ERROR "Retrieves error status and clears."; Wine sock.c test_select (SO_ERROR read twice gives WSAECONNREFUSED both times)
// wsplint:snippet
void refused_except(void)
{
    int err = 0, soerr = 0, len = sizeof(int);
    struct sockaddr_in to = { AF_INET };
    u_long on = 1;
    DWORD got;
    fd_set w, x;
    struct timeval tv = { 10, 0 };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPIoctl(s, FIONBIO, &on, sizeof(on), NULL, 0, &got, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    to.sin_port = htons(255);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    FD_ZERO(&w); FD_SET(s, &w);
    FD_ZERO(&x); FD_SET(s, &x);
    WSPSelect(0, NULL, &w, &x, &tv, &err); // expect: WSPSelect -> 1
    printf("write %d except %d\n", FD_ISSET(s, &w), FD_ISSET(s, &x));
    WSPGetSockOpt(s, SOL_SOCKET, SO_ERROR, (char *)&soerr, &len, &err); // expect: WSPGetSockOpt -> 0
    printf("first %d\n", soerr);
    WSPGetSockOpt(s, SOL_SOCKET, SO_ERROR, (char *)&soerr, &len, &err); // expect: WSPGetSockOpt -> 0
    printf("second %d\n", soerr);
    // output: write 0 except 1
    // output: first 10061
    // output[spec]: second 0
    // output[windows]: second 10061
}
