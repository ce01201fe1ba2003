/* lpFromlen is "required only if lpFrom is specified": a recv() on a datagram
 * socket passes both as NULL. This provider clears the length up front. */
#include <winsock2.h>
#include <ws2spi.h>
#include "loopdg.h"

int WSPAPI
LoopRecvFrom(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
             LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags,
             struct sockaddr FAR *lpFrom, LPINT lpFromlen,
             LPWSAOVERLAPPED lpOverlapped,
             LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
             LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    LOOP_ENDPOINT *ep;
    LOOP_DATAGRAM *dg;

    UNREFERENCED_PARAMETER(lpThreadId);

    *lpFromlen = 0; /* expect: optional-null-deref */

    ep = LoopFindEndpoint(s);
    if (ep == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpOverlapped != NULL || lpCompletionRoutine != NULL) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    dg = LoopTakeDatagram(ep);
    if (dg == NULL) {
        *lpErrno = WSAEWOULDBLOCK;
        return SOCKET_ERROR;
    }

    if (lpFrom != NULL) {
        if (*lpFromlen < (int)sizeof(dg->Source)) {
            LoopReleaseDatagram(dg);
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        memcpy(lpFrom, &dg->Source, sizeof(dg->Source));
        *lpFromlen = sizeof(dg->Source);
    }

    *lpNumberOfBytesRecvd = LoopCopyOut(dg, lpBuffers, dwBufferCount);
    *lpFlags = 0;
    LoopReleaseDatagram(dg);
    return 0;
}

WSPPROC_TABLE gLoopProcs = {
    .lpWSPRecvFrom = LoopRecvFrom,
};
