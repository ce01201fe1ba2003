/*
 * name is tested for NULL and then copied with a fixed size. Without a test of
 * namelen the copy reads past a shorter address (a 2-byte AF_UNSPEC sockaddr
 * passed to disconnect a datagram socket, for instance).
 */
#include <ws2spi.h>

typedef struct _UDP_CTX {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    SOCKADDR_IN6    Default;
} UDP_CTX;

UDP_CTX *UdpLookup(SOCKET s);

int WSPAPI
UdpConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    UDP_CTX *uc = UdpLookup(s);

    if (uc == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    memcpy(&uc->Default, name, sizeof(uc->Default)); /* expect: name-unchecked */

    return uc->Next->lpWSPConnect(uc->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

void
UdpInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = UdpConnect;
}
