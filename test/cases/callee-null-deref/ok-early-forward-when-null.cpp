// When no QoS was supplied the LSP forwards at once; below that point lpSQOS
// is known to be non-null.
#include <winsock2.h>
#include <ws2spi.h>
#include <qos.h>

struct Shaper {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    ULONG rate;
};

Shaper* ShaperFor(SOCKET s);

int WSPAPI ShaperConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Shaper* sh = ShaperFor(s);
    if (!sh) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (!lpSQOS) {
        return sh->next->lpWSPConnect(sh->lower, name, namelen, lpCallerData,
                                      lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    }

    switch (lpSQOS->SendingFlowspec.ServiceType) {
    case SERVICETYPE_BESTEFFORT:
    case SERVICETYPE_NOTRAFFIC:
        sh->rate = 0;
        break;
    case SERVICETYPE_CONTROLLEDLOAD:
    case SERVICETYPE_GUARANTEED:
        sh->rate = lpSQOS->SendingFlowspec.TokenRate;
        break;
    default:
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    return sh->next->lpWSPConnect(sh->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}

void ShaperInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = ShaperConnect; }
