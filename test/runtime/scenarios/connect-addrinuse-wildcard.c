// scenario: a wildcard bind shares its port; committing the specific address at connect time collides with a socket bound to it, so WSAEADDRINUSE comes from WSPConnect
// source: lpwspconnect.md error table, WSAEADDRINUSE "could be delayed until this function if the bind was to a partially wildcard address (involving ADDR_ANY) and if a specific address needs to be committed at the time of this function"
// wsplint:snippet
void addrinuse(void)
{
    int err = 0, on = 1, len = sizeof(struct sockaddr_in);
    struct sockaddr_in any = { AF_INET }, lo = { AF_INET }, dst = { AF_INET };
    SOCKET l = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET a = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    SOCKET b = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    dst.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(l, (struct sockaddr *)&dst, sizeof(dst), &err); // expect: WSPBind -> 0
    WSPGetSockName(l, (struct sockaddr *)&dst, &len, &err); // expect: WSPGetSockName -> 0
    WSPListen(l, 5, &err); // expect: WSPListen -> 0
    any.sin_port = htons(6000);
    WSPSetSockOpt(a, SOL_SOCKET, SO_REUSEADDR, (char *)&on, sizeof(on), &err); // expect: WSPSetSockOpt -> 0
    WSPBind(a, (struct sockaddr *)&any, sizeof(any), &err); // expect: WSPBind -> 0
    lo.sin_port = htons(6000);
    lo.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSPBind(b, (struct sockaddr *)&lo, sizeof(lo), &err); // expect: WSPBind -> SOCKET_ERROR WSAEADDRINUSE
    WSPSetSockOpt(b, SOL_SOCKET, SO_REUSEADDR, (char *)&on, sizeof(on), &err); // expect: WSPSetSockOpt -> 0
    WSPBind(b, (struct sockaddr *)&lo, sizeof(lo), &err); // expect: WSPBind -> 0
    WSPConnect(a, (struct sockaddr *)&dst, sizeof(dst), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAEADDRINUSE
}
