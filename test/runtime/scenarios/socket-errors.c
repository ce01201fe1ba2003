// scenario: WSPSocket rejects an unknown family (WSAEAFNOSUPPORT), an unknown type (WSAESOCKTNOSUPPORT), a protocol of the wrong type (WSAEPROTOTYPE) and socket groups (WSAEINVAL)
// source: lpwspsocket.md error table (WSAEAFNOSUPPORT, WSAESOCKTNOSUPPORT, WSAEPROTOTYPE "The specified protocol is the wrong type for this socket.", WSAEINVAL "Parameter g specified is not valid.")
// wsplint:snippet
void socket_errors(void)
{
    int err = 0;
    WSPSocket(99, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> INVALID_SOCKET WSAEAFNOSUPPORT
    WSPSocket(AF_INET, 42, 0, NULL, 0, 0, &err); // expect: WSPSocket -> INVALID_SOCKET WSAESOCKTNOSUPPORT
    WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_UDP, NULL, 0, 0, &err); // expect: WSPSocket -> INVALID_SOCKET WSAEPROTOTYPE
    WSPSocket(AF_INET, SOCK_DGRAM, 0, NULL, 7, 0, &err); // expect: WSPSocket -> INVALID_SOCKET WSAEINVAL
    printf("%d\n", err);
    // output: 10022
}
