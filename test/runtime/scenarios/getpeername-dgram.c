// scenario: WSPGetPeerName: WSAENOTCONN until a datagram socket is connected (sendto does not connect it); then a NULL name or namelen gives WSAEFAULT
// source: lpwspgetpeername.md error table (WSAENOTCONN "Socket is not connected.", WSAEFAULT "The name or the namelen parameter is not a valid part of the user address space"); Wine sock.c test_getpeername
// wsplint:snippet
void peername(void)
{
    int err = 0, len = 0;
    struct sockaddr_in sa = { AF_INET };
    SOCKADDR_STORAGE ss;
    char b[] = "hello";
    SOCKET s = socket(PF_INET, SOCK_DGRAM, IPPROTO_IP); // expect: socket -> ok
    getpeername(s, NULL, NULL); // expect: getpeername -> SOCKET_ERROR WSAENOTCONN
    sa.sin_port = htons(139);
    sa.sin_addr.s_addr = inet_addr("127.0.0.1");
    sendto(s, b, sizeof(b), 0, (struct sockaddr *)&sa, sizeof(sa)); // expect: sendto -> 6
    getpeername(s, NULL, NULL); // expect: getpeername -> SOCKET_ERROR WSAENOTCONN
    connect(s, (struct sockaddr *)&sa, sizeof(sa)); // expect: connect -> 0
    getpeername(s, NULL, NULL); // expect: getpeername -> SOCKET_ERROR WSAEFAULT
    getpeername(s, (struct sockaddr *)&ss, &len); // expect: getpeername -> SOCKET_ERROR WSAEFAULT
    len = sizeof(ss);
    getpeername(s, (struct sockaddr *)&ss, &len); // expect: getpeername -> 0
    printf("%d\n", len);
    // output: 16
}
