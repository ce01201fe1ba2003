// scenario: after WSPEventSelect, FIONBIO cannot make the socket blocking again (WSAEINVAL) until the selection is cancelled
// source: lpwspioctl.md FIONBIO "If LPWSPAsyncSelect or LPWSPEventSelect has been issued on a socket, then any attempt to use LPWSPIoctl to set the socket back to blocking mode will fail with WSAEINVAL."
// wsplint:snippet
void fionbio(void)
{
    int err = 0;
    u_long off = 0;
    DWORD n;
    WSAEVENT ev = WSACreateEvent();
    SOCKET s = WSPSocket(AF_INET, SOCK_STREAM, 0, NULL, 0, 0, &err); // expect: WSPSocket -> ok
    WSPEventSelect(s, ev, FD_READ, &err); // expect: WSPEventSelect -> 0
    WSPIoctl(s, FIONBIO, &off, sizeof(off), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> SOCKET_ERROR WSAEINVAL
    WSPEventSelect(s, ev, 0, &err); // expect: WSPEventSelect -> 0
    WSPIoctl(s, FIONBIO, &off, sizeof(off), NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> 0
    WSPIoctl(s, FIONBIO, NULL, 0, NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> SOCKET_ERROR WSAEFAULT
    WSPIoctl(s, 0x12345678, NULL, 0, NULL, 0, &n, NULL, NULL, NULL, &err); // expect: WSPIoctl -> SOCKET_ERROR WSAEINVAL
}
