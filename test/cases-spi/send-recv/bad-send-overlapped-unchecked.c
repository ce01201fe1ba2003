/* The provider marks the overlapped structure before it decides whether the
 * call is overlapped at all. Plain send() reaches WSPSend with lpOverlapped NULL. */
#include <winsock2.h>
#include <ws2spi.h>
#include "vnet.h"

int WSPAPI
WSPSend(
    SOCKET                             s,
    LPWSABUF                           lpBuffers,
    DWORD                              dwBufferCount,
    LPDWORD                            lpNumberOfBytesSent,
    DWORD                              dwFlags,
    LPWSAOVERLAPPED                    lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID                      lpThreadId,
    LPINT                              lpErrno)
{
    VNET_SOCKET *vs;
    DWORD        total = 0;
    DWORD        i;
    int          rc;

    vs = VnetFindSocket(s);
    if (vs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    lpOverlapped->Internal = WSS_OPERATION_IN_PROGRESS; /* expect: optional-null-deref */
    lpOverlapped->InternalHigh = 0;

    for (i = 0; i < dwBufferCount; i++)
        total += lpBuffers[i].len;

    if (vs->Overlapped && lpOverlapped != NULL) {
        rc = VnetQueueSend(vs, lpBuffers, dwBufferCount, dwFlags,
                           lpOverlapped, lpCompletionRoutine, lpThreadId);
        if (rc != 0) {
            *lpErrno = rc == VNET_FULL ? WSAEWOULDBLOCK : WSAENETDOWN;
            return SOCKET_ERROR;
        }
        *lpErrno = WSA_IO_PENDING;
        return SOCKET_ERROR;
    }

    rc = VnetSendNow(vs, lpBuffers, dwBufferCount, dwFlags);
    if (rc != 0) {
        *lpErrno = WSAECONNABORTED;
        return SOCKET_ERROR;
    }
    *lpNumberOfBytesSent = total;
    return 0;
}
