/* A non-IFS provider: the handle from WPUCreateSocketHandle is ours until we
 * return it. The event allocation failure below returns without giving it back. */
#include <winsock2.h>
#include <ws2spi.h>
#include "ringbuf.h"

extern WSPUPCALLTABLE gUpcalls;
extern DWORD gCatalogEntryId;

SOCKET WSPAPI
WSPSocket(
    int                 af,
    int                 type,
    int                 protocol,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    GROUP               g,
    DWORD               dwFlags,
    LPINT               lpErrno)
{
    RB_SOCKET *sock;
    SOCKET     handle;

    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if (af != AF_INET && af != 0 && af != FROM_PROTOCOL_INFO) {
        *lpErrno = WSAEAFNOSUPPORT;
        return INVALID_SOCKET;
    }
    if (type != SOCK_STREAM && type != 0 && type != FROM_PROTOCOL_INFO) {
        *lpErrno = WSAESOCKTNOSUPPORT;
        return INVALID_SOCKET;
    }
    if (g != 0) {
        *lpErrno = WSAEINVAL;
        return INVALID_SOCKET;
    }

    sock = (RB_SOCKET *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*sock));
    if (sock == NULL) {
        *lpErrno = WSAENOBUFS;
        return INVALID_SOCKET;
    }
    sock->Protocol = protocol;
    sock->Flags = dwFlags;

    handle = gUpcalls.lpWPUCreateSocketHandle(gCatalogEntryId, (DWORD_PTR)sock, lpErrno);
    if (handle == INVALID_SOCKET) {
        HeapFree(GetProcessHeap(), 0, sock);
        return INVALID_SOCKET;
    }

    if (dwFlags & WSA_FLAG_OVERLAPPED) {
        sock->IoEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
        if (sock->IoEvent == NULL) {
            HeapFree(GetProcessHeap(), 0, sock);
            *lpErrno = WSAENOBUFS;
            return INVALID_SOCKET; /* expect: handle-leak-on-error */
        }
    }

    RbRegister(sock);
    return handle;
}
