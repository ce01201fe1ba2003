/* A datagram provider that maps a truncated datagram to the Win32 code its
 * driver interface reports instead of the Winsock one. */
#include <winsock2.h>
#include <ws2spi.h>
#include "dgram.h"

int WSPAPI
DgWSPRecvFrom(
    SOCKET s,
    LPWSABUF lpBuffers,
    DWORD dwBufferCount,
    LPDWORD lpNumberOfBytesRecvd,
    LPDWORD lpFlags,
    struct sockaddr FAR *lpFrom,
    LPINT lpFromlen,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID lpThreadId,
    LPINT lpErrno)
{
    PDG_SOCKET sock;
    DG_PACKET *pkt;
    DWORD copied;

    UNREFERENCED_PARAMETER(lpThreadId);

    sock = DgReferenceSocket(s);
    if (sock == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpOverlapped != NULL || lpCompletionRoutine != NULL) {
        DgDereferenceSocket(sock);
        *lpErrno = WSAEINVAL;   /* created without WSA_FLAG_OVERLAPPED support */
        return SOCKET_ERROR;
    }

    pkt = DgDequeue(sock, INFINITE);
    if (pkt == NULL) {
        DgDereferenceSocket(sock);
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }

    if (lpFrom != NULL) {
        if (lpFromlen == NULL || *lpFromlen < (int)sizeof(SOCKADDR_IN)) {
            DgFreePacket(pkt);
            DgDereferenceSocket(sock);
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        memcpy(lpFrom, &pkt->From, sizeof(SOCKADDR_IN));
        *lpFromlen = sizeof(SOCKADDR_IN);
    }

    copied = DgCopyToBuffers(pkt, lpBuffers, dwBufferCount);
    *lpNumberOfBytesRecvd = copied;
    *lpFlags = 0;
    if (copied < pkt->Length) {
        DgFreePacket(pkt);
        DgDereferenceSocket(sock);
        *lpErrno = ERROR_MORE_DATA; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }

    DgFreePacket(pkt);
    DgDereferenceSocket(sock);
    return 0;
}

void DgFillProcTable(LPWSPPROC_TABLE table)
{
    table->lpWSPRecvFrom = DgWSPRecvFrom;
}
