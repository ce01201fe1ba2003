/*
 * The size test compares the reply with the caller-data length (the wrong
 * WSABUF), so the copy into the callee buffer is not bounded by its own
 * length.
 */
#include <ws2spi.h>

typedef struct _MIRROR {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    CHAR            Echo[256];
    ULONG           EchoLen;
} MIRROR;

MIRROR *MirrorLookup(SOCKET s);

int WSPAPI
MirrorConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
              LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
              LPQOS lpGQOS, LPINT lpErrno)
{
    MIRROR *m = MirrorLookup(s);
    int rc;

    if (m == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    rc = m->Next->lpWSPConnect(m->Lower, name, namelen, lpCallerData,
                               NULL, lpSQOS, lpGQOS, lpErrno);
    if (rc != 0)
        return rc;

    if (lpCalleeData != NULL) {
        if (lpCallerData != NULL && m->EchoLen > lpCallerData->len) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        CopyMemory(lpCalleeData->buf, m->Echo, m->EchoLen); /* expect: callee-unbounded-copy */
        lpCalleeData->len = m->EchoLen;
    }
    return 0;
}

void
MirrorInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = MirrorConnect;
}
