// scenario: caller data on a provider without connect data fails with WSAEPROTONOSUPPORT; a NULL or empty lpCallerData is fine
// source: lpwspconnect.md error table, WSAEPROTONOSUPPORT "The lpCallerData augment is not supported by the service provider."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void caller_data(void)
{
    int err = 0;
    char hello[] = "hello";
    WSABUF caller = { 5, hello }, none = { 0, NULL };
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), &caller, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEPROTONOSUPPORT
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), &none, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
}
