/* Overlapped and non-overlapped sends and receives, each optional pointer tested
 * before it is touched; WSA_IO_PENDING in *lpErrno is the documented way to say
 * "started, completes later". */
#include <winsock2.h>
#include <ws2spi.h>
#include "vnet.h"

static void
VnetPrepareOverlapped(LPWSAOVERLAPPED ov)
{
    ov->Internal = WSS_OPERATION_IN_PROGRESS;
    ov->InternalHigh = 0;
}

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

    for (i = 0; i < dwBufferCount; i++)
        total += lpBuffers[i].len;

    /* "unless both lpOverlapped and lpCompletionRoutine are null in which case
     * the socket is treated as a nonoverlapped socket" */
    if (vs->Overlapped && lpOverlapped != NULL) {
        VnetPrepareOverlapped(lpOverlapped);
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

int WSPAPI
WSPRecv(
    SOCKET                             s,
    LPWSABUF                           lpBuffers,
    DWORD                              dwBufferCount,
    LPDWORD                            lpNumberOfBytesRecvd,
    LPDWORD                            lpFlags,
    LPWSAOVERLAPPED                    lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID                      lpThreadId,
    LPINT                              lpErrno)
{
    VNET_SOCKET *vs;
    DWORD        got;

    vs = VnetFindSocket(s);
    if (vs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    got = VnetTryReceive(vs, lpBuffers, dwBufferCount, *lpFlags);
    if (got != VNET_NOTHING) {
        /* Completed immediately: "the completion routine, if specified, will
         * have already been queued". */
        if (lpCompletionRoutine != NULL)
            VnetQueueApc(lpThreadId, lpCompletionRoutine, lpOverlapped, got);
        else if (lpOverlapped != NULL && lpOverlapped->hEvent != NULL)
            SetEvent(lpOverlapped->hEvent);
        *lpNumberOfBytesRecvd = got;
        *lpFlags = 0;
        return 0;
    }

    if (lpOverlapped == NULL && lpCompletionRoutine == NULL) {
        if (!vs->Blocking) {
            *lpErrno = WSAEWOULDBLOCK;
            return SOCKET_ERROR;
        }
        got = VnetReceiveWait(vs, lpBuffers, dwBufferCount);
        if (got == VNET_RESET) {
            *lpErrno = WSAECONNRESET;
            return SOCKET_ERROR;
        }
        *lpNumberOfBytesRecvd = got;
        *lpFlags = 0;
        return 0;
    }

    if (lpOverlapped == NULL) {
        /* A completion routine needs the overlapped structure to report into. */
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    VnetPrepareOverlapped(lpOverlapped);
    VnetQueueReceive(vs, lpBuffers, dwBufferCount, lpOverlapped, lpCompletionRoutine, lpThreadId);
    *lpErrno = WSA_IO_PENDING;
    return SOCKET_ERROR;
}
