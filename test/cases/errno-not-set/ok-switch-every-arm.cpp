// Every arm of the state switch sets the error before leaving; the only
// fall-through is the state that may connect.
#include <winsock2.h>
#include <ws2spi.h>

enum ConnState { kIdle, kBound, kListening, kConnecting, kConnected };

struct Endpoint {
    ConnState state;
    SOCKADDR_IN6 peer;
    int Dial(const SOCKADDR_IN6& to);
};

Endpoint* EndpointFromHandle(SOCKET s);

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpGQOS);

    Endpoint* ep = EndpointFromHandle(s);
    if (!ep) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    switch (ep->state) {
    case kIdle:
    case kBound:
        break;
    case kListening:
        *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    case kConnecting:
        *lpErrno = WSAEALREADY;
        return SOCKET_ERROR;
    case kConnected:
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    default:
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }

    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN6))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (name->sa_family != AF_INET6) {
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }
    if (lpSQOS != nullptr) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    ep->peer = *reinterpret_cast<const SOCKADDR_IN6*>(name);
    switch (ep->Dial(ep->peer)) {
    case 0:
        break;
    case 1:
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    case 2:
        *lpErrno = WSAENETUNREACH;
        return SOCKET_ERROR;
    default:
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    ep->state = kConnected;
    if (lpCalleeData)
        lpCalleeData->len = 0;
    return NO_ERROR;
}
