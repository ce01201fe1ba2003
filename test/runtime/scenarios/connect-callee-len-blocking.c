// scenario: lpCalleeData->len is set to 0 when the peer passes no data back (blocking connect: on return)
// source: lpwspconnect.md remarks "The lpCalleeData->len will be set to zero if no user data has been passed back ... For blocking sockets, this will be when the LPWSPConnect function returns."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void callee_blocking(void)
{
    int err = 0;
    char reply[64];
    WSABUF callee = { sizeof(reply), reply };
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    printf("before %u\n", callee.len);
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, &callee, NULL, NULL, &err); // expect: WSPConnect -> 0
    printf("after %u\n", callee.len);
    // output: before 64
    // output: after 0
}
