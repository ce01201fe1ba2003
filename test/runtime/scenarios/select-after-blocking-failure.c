// scenario: after a failed blocking connect, Windows keeps reporting the socket in exceptfds; the spec names only nonblocking connects there
// source: lpwspselect.md "If a socket is making a LPWSPConnect (nonblocking) connection, failure of the connect attempt is indicated in exceptfds"; Wine sock.c test_select "test polling after a (synchronous) failure" (exceptfds on Windows)
// wsplint:snippet
void blocking_failure(void)
{
    int err = 0;
    struct sockaddr_in bad = { AF_INET };
    fd_set x;
    struct timeval tv = { 0, 0 };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    bad.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bad.sin_port = htons(255);
    WSPConnect(s, (struct sockaddr *)&bad, sizeof(bad), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAECONNREFUSED
    FD_ZERO(&x);
    FD_SET(s, &x);
    WSPSelect(0, NULL, NULL, &x, &tv, &err); // expect[spec]: WSPSelect -> 0 // expect[windows]: WSPSelect -> 1
}
