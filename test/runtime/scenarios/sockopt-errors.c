// scenario: WSPGetSockOpt/WSPSetSockOpt: SO_TYPE reads back, an unknown option gives WSAENOPROTOOPT, an unknown level WSAEINVAL, a short optlen WSAEFAULT
// source: lpwspgetsockopt.md error table (WSAENOPROTOOPT "Option is unknown or unsupported by the indicated protocol family.", WSAEINVAL "The level is unknown or invalid.", WSAEFAULT "the optlen parameter is too small")
// wsplint:snippet
void sockopt(void)
{
    int err = 0, v = 0, len = sizeof(v);
    SOCKET s = WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPGetSockOpt(s, SOL_SOCKET, SO_TYPE, (char *)&v, &len, &err); // expect: WSPGetSockOpt -> 0
    printf("type %d len %d\n", v, len);
    WSPGetSockOpt(s, SOL_SOCKET, 0x7777, (char *)&v, &len, &err); // expect: WSPGetSockOpt -> SOCKET_ERROR WSAENOPROTOOPT
    WSPGetSockOpt(s, 12345, SO_TYPE, (char *)&v, &len, &err); // expect: WSPGetSockOpt -> SOCKET_ERROR WSAEINVAL
    len = 2;
    WSPGetSockOpt(s, SOL_SOCKET, SO_TYPE, (char *)&v, &len, &err); // expect: WSPGetSockOpt -> SOCKET_ERROR WSAEFAULT
    WSPSetSockOpt(s, SOL_SOCKET, SO_BROADCAST, NULL, 4, &err); // expect: WSPSetSockOpt -> SOCKET_ERROR WSAEFAULT
    WSPSetSockOpt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, sizeof(v), &err); // expect: WSPSetSockOpt -> SOCKET_ERROR WSAENOPROTOOPT
    // output: type 2 len 4
}
