// scenario: a provider that exchanges connect data (snippet option connect-data) accepts lpCallerData
// source: lpwspconnect.md remarks "The lpCallerData is a value parameter that contains any user data to be sent along with the connection request."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet caller_data_ok connect-data
void caller_data_ok(void)
{
    int err = 0;
    char hello[] = "hello";
    WSABUF caller = { 5, hello };
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), &caller, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
}
