// scenario: Windows takes about two seconds to report a refused loopback connection, so a one-second select times out there; the spec model reports it at once
// source: lpwspselect.md (failure indicated in exceptfds); Wine sock.c test_select and test_WSAPoll comments "w10pro64 sometimes takes over 2 seconds for an error to be reported"
// wsplint:snippet
void refusal_delay(void)
{
    int err = 0;
    struct sockaddr_in bad = { AF_INET };
    fd_set x;
    struct timeval tv = { 1, 0 };
    u_long on = 1;
    DWORD n;
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPIoctl(s, FIONBIO, &on, sizeof(on), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    bad.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bad.sin_port = htons(255);
    WSPConnect(s, (struct sockaddr *)&bad, sizeof(bad), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    FD_ZERO(&x);
    FD_SET(s, &x);
    WSPSelect(0, NULL, NULL, &x, &tv, &err); // expect[spec]: WSPSelect -> 1 // expect[windows]: WSPSelect -> 0
    FD_ZERO(&x);
    FD_SET(s, &x);
    tv.tv_sec = 5;
    WSPSelect(0, NULL, NULL, &x, &tv, &err); // expect: WSPSelect -> 1
    printf("t=%u\n", GetTickCount());
    // output[spec]: t=0
    // output[windows]: t=2000
}
