// scenario: WSPListen on an unbound socket fails with WSAEINVAL, on a datagram socket with WSAEOPNOTSUPP, on a connected socket with WSAEISCONN
// source: lpwsplisten.md error table: WSAEINVAL "Socket has not been bound with LPWSPBind.", WSAEOPNOTSUPP "Referenced socket is not of a type that supports the LPWSPListen operation.", WSAEISCONN "Socket is already connected."
// wsplint:net 10.0.0.5:80 listen
// wsplint:snippet
void listen_errors(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    SOCKET t = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET u = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPListen(t, 5, &err); // expect: WSPListen -> SOCKET_ERROR WSAEINVAL
    WSPListen(u, 5, &err); // expect: WSPListen -> SOCKET_ERROR WSAEOPNOTSUPP
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("10.0.0.5");
    WSPConnect(t, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> 0
    WSPListen(t, 5, &err); // expect: WSPListen -> SOCKET_ERROR WSAEISCONN
}
