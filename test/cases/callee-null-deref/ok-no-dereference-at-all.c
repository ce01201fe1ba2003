/*
 * Mentions that are not dereferences: UNREFERENCED_PARAMETER, sizeof of the
 * pointee, comparisons, passing the pointers on, and casts.
 */
#include <ws2spi.h>
#include <qos.h>

typedef struct _PT {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    SIZE_T          QosBytes;
    BOOL            HadCallerData;
} PT;

PT *PtLookup(SOCKET s);
void PtTrace(const char *fmt, ...);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    PT *pt = PtLookup(s);

    UNREFERENCED_PARAMETER(lpGQOS);

    if (pt == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    pt->QosBytes = sizeof(*lpSQOS) + sizeof(lpCalleeData->len);
    pt->HadCallerData = (lpCallerData != NULL);
    PtTrace("connect caller=%p callee=%p qos=%p\n",
            (void *)lpCallerData, (void *)lpCalleeData, (const void *)lpSQOS);

    return pt->Next->lpWSPConnect(pt->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, NULL, lpErrno);
}
