// scenario: WSPConnect while a nonblocking connect is still pending fails with WSAEALREADY
// source: lpwspconnect.md error table, WSAEALREADY "Nonblocking LPWSPConnect call is in progress on the specified socket."
// wsplint:net 192.0.2.0/24 silent
// wsplint:snippet
void ealready(void)
{
    int err = 0;
    struct sockaddr_in to = { 0 };
    u_long on = 1;
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP); // expect: socket -> ok
    to.sin_family = AF_INET;
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("192.0.2.7");
    ioctlsocket(c, FIONBIO, &on); // expect: ioctlsocket -> 0
    WSPConnect(c, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEWOULDBLOCK
    WSPConnect(c, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEALREADY
}
