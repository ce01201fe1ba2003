// An IOCTL that completes at once records its byte count in the overlapped
// structure, as if every caller had passed one. Synchronous WSAIoctl callers
// pass lpOverlapped == NULL.
#include <winsock2.h>
#include <ws2spi.h>
#include "vlan_provider.h"

int WSPAPI WSPIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
                    LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
                    LPWSAOVERLAPPED lpOverlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                    LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpvInBuffer);
    UNREFERENCED_PARAMETER(cbInBuffer);

    vlan::Socket* sock = vlan::Socket::FromHandle(s);
    if (!sock) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (dwIoControlCode != FIONREAD) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (lpvOutBuffer == nullptr || cbOutBuffer < sizeof(u_long)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    *static_cast<u_long*>(lpvOutBuffer) = sock->BytesQueued();
    *lpcbBytesReturned = sizeof(u_long);
    lpOverlapped->InternalHigh = sizeof(u_long); // expect: optional-null-deref
    if (lpCompletionRoutine)
        sock->QueueCompletion(lpThreadId, lpCompletionRoutine, lpOverlapped, sizeof(u_long));
    return 0;
}
