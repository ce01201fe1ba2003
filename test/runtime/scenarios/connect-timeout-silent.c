// scenario: a blocking connect to an address that never answers fails with WSAETIMEDOUT after the SYN retries (21 s of virtual time)
// source: lpwspconnect.md error table, WSAETIMEDOUT "An attempt to connect timed out without establishing a connection."
// wsplint:net 192.0.2.0/24 silent
// wsplint:snippet
void silent(void)
{
    int err = 0;
    struct sockaddr_in to = { AF_INET };
    DWORD before = GetTickCount();
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    to.sin_port = htons(80);
    to.sin_addr.s_addr = inet_addr("192.0.2.10");
    WSPConnect(s, (struct sockaddr *)&to, sizeof(to), NULL, NULL, NULL, NULL, &err); // expect: WSPConnect -> SOCKET_ERROR WSAETIMEDOUT
    printf("waited %u ms\n", GetTickCount() - before);
    // output: waited 21000 ms
}
