/*
 * The caller data is scanned byte by byte inside a loop whose condition
 * includes the NULL test; the QoS fields are read inside a do/while(0) block
 * that breaks out when lpSQOS is NULL.
 */
#include <ws2spi.h>
#include <qos.h>

typedef struct _SCAN_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    ULONG           Checksum;
    ULONG           Latency;
} SCAN_SOCK;

SCAN_SOCK *ScanLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    SCAN_SOCK *ss = ScanLookup(s);
    ULONG i;

    if (ss == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    ss->Checksum = 0;
    for (i = 0; lpCallerData != NULL && i < lpCallerData->len; i++)
        ss->Checksum += (UCHAR)lpCallerData->buf[i];

    do {
        if (lpSQOS == NULL)
            break;
        ss->Latency = lpSQOS->SendingFlowspec.Latency;
    } while (0);

    return ss->Next->lpWSPConnect(ss->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
