// Connection outcomes travel through the network events, not through *lpErrno:
// FD_CONNECT's WSAECONNREFUSED / WSAETIMEDOUT go into iErrorCode[] and into the
// window message. Only the function's own failures use *lpErrno.
#include <winsock2.h>
#include <ws2spi.h>
#include "pipe_provider.h"

namespace pipe {

void Endpoint::OnConnectFailed(bool timedOut)
{
    recorded |= FD_CONNECT;
    eventError[FD_CONNECT_BIT] = timedOut ? WSAETIMEDOUT : WSAECONNREFUSED;
    if (asyncWindow)
        PostMessage(asyncWindow, asyncMessage, static_cast<WPARAM>(handle),
                    WSAMAKESELECTREPLY(FD_CONNECT, eventError[FD_CONNECT_BIT]));
    if (event)
        SetEvent(event);
}

} // namespace pipe

int WSPAPI WSPEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject,
                                LPWSANETWORKEVENTS lpNetworkEvents, LPINT lpErrno)
{
    pipe::Endpoint* ep = pipe::Endpoint::From(s);
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!lpNetworkEvents) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    std::lock_guard<std::mutex> guard(ep->lock);
    lpNetworkEvents->lNetworkEvents = ep->recorded;
    for (int bit = 0; bit < FD_MAX_EVENTS; ++bit)
        lpNetworkEvents->iErrorCode[bit] = ep->eventError[bit];
    if (ep->recorded & FD_CLOSE && ep->resetByPeer)
        lpNetworkEvents->iErrorCode[FD_CLOSE_BIT] = WSAECONNRESET;
    ep->recorded = 0;
    // "Optional handle identifying an associated event object to be reset."
    if (hEventObject != nullptr && hEventObject != WSA_INVALID_EVENT)
        ResetEvent(hEventObject);
    return 0;
}

int WSPAPI WSPEventSelect(SOCKET s, WSAEVENT hEventObject, long lNetworkEvents, LPINT lpErrno)
{
    pipe::Endpoint* ep = pipe::Endpoint::From(s);
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if ((lNetworkEvents & ~FD_ALL_EVENTS) != 0 || (lNetworkEvents != 0 && hEventObject == nullptr)) {
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    std::lock_guard<std::mutex> guard(ep->lock);
    ep->asyncWindow = nullptr;
    ep->event = hEventObject;
    ep->mask = lNetworkEvents;
    ep->nonBlocking = true;
    ep->RaisePendingLocked();
    return 0;
}

int WSPAPI WSPAsyncSelect(SOCKET s, HWND hWnd, unsigned int wMsg, long lEvent, LPINT lpErrno)
{
    pipe::Endpoint* ep = pipe::Endpoint::From(s);
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lEvent != 0 && !IsWindow(hWnd)) {
        // "the window handle not referring to an existing window"
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (!pipe::Provider::NetworkUp()) {
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }
    std::lock_guard<std::mutex> guard(ep->lock);
    ep->event = nullptr;
    ep->asyncWindow = hWnd;
    ep->asyncMessage = wMsg;
    ep->mask = lEvent;
    ep->nonBlocking = true;
    ep->RaisePendingLocked();
    return 0;
}
