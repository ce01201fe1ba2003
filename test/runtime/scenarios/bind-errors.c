// scenario: WSPBind: a second bind fails with WSAEINVAL, a foreign address with WSAEADDRNOTAVAIL, a short namelen with WSAEFAULT
// source: lpwspbind.md error table: WSAEINVAL "The socket is already bound to an address.", WSAEADDRNOTAVAIL "The specified address is not a valid address for this computer.", WSAEFAULT "the namelen parameter is too small"
// wsplint:snippet
void bind_errors(void)
{
    int err = 0;
    struct sockaddr_in a = { AF_INET };
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    a.sin_addr.s_addr = inet_addr("198.51.100.1");
    WSPBind(s, (struct sockaddr *)&a, sizeof(a), &err); // expect: WSPBind -> SOCKET_ERROR WSAEADDRNOTAVAIL
    WSPBind(s, (struct sockaddr *)&a, 4, &err); // expect: WSPBind -> SOCKET_ERROR WSAEFAULT
    a.sin_addr.s_addr = INADDR_ANY;
    WSPBind(s, (struct sockaddr *)&a, sizeof(a), &err); // expect: WSPBind -> 0
    WSPBind(s, (struct sockaddr *)&a, sizeof(a), &err); // expect: WSPBind -> SOCKET_ERROR WSAEINVAL
}
