/*
 * Guards in the forms real providers use: short-circuit &&, ternary, early
 * exit, nested if, NULL on the left, and a guard through an alias.
 */
#include <ws2spi.h>
#include <qos.h>

#define MAX_CONNECT_DATA 64

typedef struct _GS {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    ULONG           OfferedBytes;
    ULONG           PeakRate;
    ULONG           CalleeCapacity;
    CHAR            Offer[MAX_CONNECT_DATA];
} GS;

GS *GsLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    GS    *gs = GsLookup(s);
    LPQOS  qos = lpSQOS;

    if (gs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpCallerData && lpCallerData->len > MAX_CONNECT_DATA) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    gs->OfferedBytes = (lpCallerData != NULL) ? lpCallerData->len : 0;
    if (NULL != lpCallerData) {
        if (lpCallerData->len != 0)
            memcpy(gs->Offer, lpCallerData->buf, lpCallerData->len);
    }

    if (qos != NULL)
        gs->PeakRate = qos->SendingFlowspec.PeakBandwidth;

    if (lpCalleeData == NULL)
        goto forward;
    gs->CalleeCapacity = lpCalleeData->len;

forward:
    return gs->Next->lpWSPConnect(gs->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
