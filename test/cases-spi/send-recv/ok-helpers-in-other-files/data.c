/* Send and receive with the error chosen by helpers in sockets.c. The codes
 * named in comments ("never WSAETIMEDOUT here") are not stores. */
#include "provider.h"

int WSPAPI
WSPSend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
        LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
        LPWSAOVERLAPPED lpOverlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
        LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    PSOCK *ps;
    DWORD  done = 0;
    int    ret = SOCKET_ERROR;

    UNREFERENCED_PARAMETER(lpThreadId);

    ps = PsockLookup(s, lpErrno);
    if (ps == NULL)
        goto done;

    if (lpOverlapped != NULL || lpCompletionRoutine != NULL) {
        ret = PsockFail(WSAEINVAL, lpErrno);
        goto release;
    }
    if (!ps->Connected) {
        ret = PsockFail(WSAENOTCONN, lpErrno);
        goto release;
    }
    if (dwFlags & MSG_OOB) {
        *lpErrno = WSAEOPNOTSUPP;
        goto release;
    }
    if (DeviceWrite(ps->Device, lpBuffers, dwBufferCount, &done) != 0) {
        /* A broken device is a broken network, never WSAETIMEDOUT here. */
        *lpErrno = WSAENETDOWN;
        goto release;
    }

    *lpNumberOfBytesSent = done;
    *lpErrno = NO_ERROR;
    ret = 0;

release:
    PsockRelease(ps);
done:
    return ret;
}

int WSPAPI
WSPRecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
        LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags,
        LPWSAOVERLAPPED lpOverlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
        LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    PSOCK *ps;
    DWORD  done = 0;
    DWORD  left = 0;

    UNREFERENCED_PARAMETER(lpThreadId);

    if ((ps = PsockLookup(s, lpErrno)) == NULL)
        return SOCKET_ERROR;

    if (lpOverlapped != NULL || lpCompletionRoutine != NULL) {
        PsockRelease(ps);
        return PsockFail(WSAEINVAL, lpErrno);
    }
    if (ps->PeerClosed && ps->MessageOriented) {
        /* "WSAEDISCON: Socket s is message oriented and the virtual circuit was
         * gracefully closed by the remote side." */
        PsockRelease(ps);
        return PsockFail(WSAEDISCON, lpErrno);
    }
    if (DeviceRead(ps->Device, lpBuffers, dwBufferCount, &done, &left) != 0) {
        PsockRelease(ps);
        return PsockFail(WSAECONNRESET, lpErrno);
    }
    PsockRelease(ps);

    *lpNumberOfBytesRecvd = done;
    if (left != 0 && ps->MessageOriented) {
        *lpFlags = 0;
        *lpErrno = WSAEMSGSIZE;
        return SOCKET_ERROR;
    }
    *lpFlags = 0;
    return 0;
}
