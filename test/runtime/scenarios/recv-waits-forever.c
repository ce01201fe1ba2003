// scenario: a blocking receive that nothing can ever satisfy stops the run with a message instead of hanging
// source: wsplint runtime guarantee (issue 3: "the run never hangs"); lpwsprecv.md (a blocking receive waits for data)
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void forever(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    char b[16];
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0); // expect: socket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    connect(s, (struct sockaddr *)&to, sizeof(to)); // expect: connect -> 0
    recv(s, b, sizeof(b), 0);
    // stops: would wait forever
}
