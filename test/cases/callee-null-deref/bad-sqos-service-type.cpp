// A QoS-aware provider reads the sending flowspec without checking that the
// application supplied one; "a null value for lpSQOS indicates that no
// application supplied quality of service".
#include <winsock2.h>
#include <ws2spi.h>
#include <qos.h>

struct QosSocket {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    ULONG reservedRate;
};

QosSocket* QosLookup(SOCKET s);
bool ReserveBandwidth(QosSocket* qs, ULONG rate);

int WSPAPI QosConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    QosSocket* qs = QosLookup(s);
    if (qs == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpSQOS->SendingFlowspec.ServiceType == SERVICETYPE_GUARANTEED) { // expect: callee-null-deref
        const ULONG rate = lpSQOS->SendingFlowspec.TokenRate;
        if (!ReserveBandwidth(qs, rate)) {
            *lpErrno = WSAEOPNOTSUPP;
            return SOCKET_ERROR;
        }
        qs->reservedRate = rate;
    }

    return qs->next->lpWSPConnect(qs->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}

void QosInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = QosConnect; }
