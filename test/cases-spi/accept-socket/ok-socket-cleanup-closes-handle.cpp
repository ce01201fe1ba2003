// WSPSocket with one clean-up label: whatever fails after the handle exists,
// the handle goes back to ws2_32 before INVALID_SOCKET is returned.
#include <winsock2.h>
#include <ws2spi.h>
#include "ringbuf.h"

extern WSPUPCALLTABLE gUpcalls;
extern DWORD gCatalogEntryId;

SOCKET WSPAPI WSPSocket(_In_ int af, _In_ int type, _In_ int protocol,
                        _In_opt_ LPWSAPROTOCOL_INFOW lpProtocolInfo, _In_ GROUP g,
                        _In_ DWORD dwFlags, _Out_ LPINT lpErrno)
{
    RbSocket* sock = nullptr;
    SOCKET handle = INVALID_SOCKET;
    int closeErr = 0;

    // "the provider must be willing to accept the value of zero for af and type"
    if (af == FROM_PROTOCOL_INFO && lpProtocolInfo != nullptr)
        af = lpProtocolInfo->iAddressFamily;
    if (type == FROM_PROTOCOL_INFO && lpProtocolInfo != nullptr)
        type = lpProtocolInfo->iSocketType;
    if (af != 0 && af != AF_INET && af != AF_INET6) {
        *lpErrno = WSAEAFNOSUPPORT;
        return INVALID_SOCKET;
    }
    if (type != 0 && type != SOCK_STREAM) {
        *lpErrno = type == SOCK_DGRAM ? WSAEPROTOTYPE : WSAESOCKTNOSUPPORT;
        return INVALID_SOCKET;
    }
    if (g != 0) {
        *lpErrno = WSAEINVAL;
        return INVALID_SOCKET;
    }

    sock = new (std::nothrow) RbSocket(af, protocol, dwFlags);
    if (sock == nullptr) {
        *lpErrno = WSAENOBUFS;
        goto fail;
    }

    handle = gUpcalls.lpWPUCreateSocketHandle(gCatalogEntryId, reinterpret_cast<DWORD_PTR>(sock), lpErrno);
    if (handle == INVALID_SOCKET)
        goto fail;

    if ((dwFlags & WSA_FLAG_OVERLAPPED) && !sock->CreateIoEvent()) {
        *lpErrno = WSAENOBUFS;
        goto fail;
    }
    if (!RbRegistry::Add(sock)) {
        *lpErrno = WSAEMFILE;
        goto fail;
    }
    return handle;

fail:
    if (handle != INVALID_SOCKET)
        gUpcalls.lpWPUCloseSocketHandle(handle, &closeErr);
    delete sock;
    return INVALID_SOCKET;
}
