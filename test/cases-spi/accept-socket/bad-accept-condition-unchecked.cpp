// The condition function is "optional" ("provided the condition function is
// specified (that is, not null)"): plain accept() passes none.
#include <winsock2.h>
#include <ws2spi.h>
#include "mesh.h"

SOCKET WSPAPI MeshProvider::WSPAccept(SOCKET s, struct sockaddr FAR* addr, LPINT addrlen,
                                      LPCONDITIONPROC lpfnCondition, DWORD_PTR dwCallbackData,
                                      LPINT lpErrno)
{
    MeshListener* listener = MeshListener::From(s);
    if (listener == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }

    MeshOffer offer;
    if (!listener->NextOffer(offer)) {
        *lpErrno = listener->nonBlocking ? WSAEWOULDBLOCK : WSAEINTR;
        return INVALID_SOCKET;
    }

    WSABUF callerId = { static_cast<ULONG>(offer.peerLen), reinterpret_cast<char*>(&offer.peer) };
    WSABUF callerData = { offer.dataLen, offer.data };
    GROUP g = 0;
    int verdict = lpfnCondition(&callerId, &callerData, nullptr, nullptr, // expect: optional-null-deref
                                nullptr, nullptr, &g, dwCallbackData);
    if (verdict == CF_REJECT) {
        listener->Refuse(offer);
        *lpErrno = WSAECONNREFUSED;
        return INVALID_SOCKET;
    }
    if (verdict == CF_DEFER) {
        listener->Defer(offer);
        *lpErrno = WSATRY_AGAIN;
        return INVALID_SOCKET;
    }

    SOCKET handle = listener->Accept(offer, lpErrno);
    if (handle == INVALID_SOCKET)
        return INVALID_SOCKET;
    if (addr != nullptr && addrlen != nullptr && *addrlen >= offer.peerLen) {
        memcpy(addr, &offer.peer, offer.peerLen);
        *addrlen = offer.peerLen;
    }
    return handle;
}
