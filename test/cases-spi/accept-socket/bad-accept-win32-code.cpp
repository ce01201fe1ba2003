// A C++ provider that reuses its Win32-flavoured allocation error in WSPAccept.
#include <winsock2.h>
#include <ws2spi.h>
#include <memory>
#include <new>
#include "ring_provider.h"

namespace ring {

SOCKET WSPAPI Provider::WSPAccept(SOCKET s, sockaddr FAR* addr, LPINT addrlen,
                                  LPCONDITIONPROC lpfnCondition, DWORD_PTR dwCallbackData,
                                  LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpfnCondition);
    UNREFERENCED_PARAMETER(dwCallbackData);

    auto listener = Registry::Instance().Find(s);
    if (!listener) {
        *lpErrno = WSAENOTSOCK;
        return INVALID_SOCKET;
    }

    PendingConnection pending;
    if (!listener->TryDequeue(pending)) {
        *lpErrno = WSAEWOULDBLOCK;
        return INVALID_SOCKET;
    }

    std::unique_ptr<Connection> conn(new (std::nothrow) Connection(pending));
    if (!conn) {
        listener->Refuse(pending);
        *lpErrno = ERROR_NOT_ENOUGH_MEMORY; // expect: non-wsa-error
        return INVALID_SOCKET;
    }

    SOCKET handle = Registry::Instance().Publish(std::move(conn), lpErrno);
    if (handle == INVALID_SOCKET)
        return INVALID_SOCKET;

    if (addr && addrlen) {
        int n = std::min(*addrlen, static_cast<int>(sizeof(pending.peer)));
        memcpy(addr, &pending.peer, n);
        *addrlen = n;
    }
    return handle;
}

} // namespace ring
