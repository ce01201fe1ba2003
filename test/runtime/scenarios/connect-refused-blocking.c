// scenario: a blocking connect to a loopback port nobody listens on fails with WSAECONNREFUSED, and SO_ERROR stays 0
// source: lpwspconnect.md returns "If the return error code indicates the connection attempt failed (that is, WSAECONNREFUSED ...)"; Wine sock.c test_select "test polling after a (synchronous) failure" (SO_ERROR 0 on Windows)
// wsplint:snippet
void refused_blocking(void)
{
    int err = 0, soerr = -1, len = sizeof(int);
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(255);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAECONNREFUSED
    WSPGetSockOpt(s, SOL_SOCKET, SO_ERROR, (char *)&soerr, &len, &err); // expect: WSPGetSockOpt -> 0
    printf("SO_ERROR %d\n", soerr);
    // output: SO_ERROR 0
}
