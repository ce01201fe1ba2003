// scenario: a loop that polls without ever waiting stops at the step budget instead of hanging
// source: wsplint runtime guarantee (issue 3: "a runaway loop stops at the step budget; the run never hangs")
// wsplint:snippet runaway budget=5000
void runaway(void)
{
    int err = 0, i = 0;
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    for (;;) {
        i++;
    }
    // stops: step budget of 5000 exhausted
}
