// scenario: a blocking connect to a declared refusing port fails with WSAECONNREFUSED
// source: lpwspconnect.md error table, WSAECONNREFUSED "An attempt to connect was rejected."
// wsplint:net 10.0.0.5 listen
// wsplint:net 10.0.0.5:81 refuse
// wsplint:snippet
void remote_refuse(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(81);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAECONNREFUSED
    to.sin_port = htons(82);
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
}
