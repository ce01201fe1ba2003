// Base provider written as a C++ class; the socket state machine decides what
// WSPConnect may do. The listening arm returns without setting the error.
#include <winsock2.h>
#include <ws2spi.h>

enum class SockState { Open, Bound, Listening, Connecting, Connected, Closed };

struct DxSocket {
    SockState   state;
    bool        nonBlocking;
    SOCKADDR_IN remote;
};

class DxProvider {
public:
    static int WSPAPI WSPConnect(
        _In_ SOCKET s,
        _In_reads_bytes_(namelen) const struct sockaddr FAR* name,
        _In_ int namelen,
        _In_opt_ LPWSABUF lpCallerData,
        _Inout_opt_ LPWSABUF lpCalleeData,
        _In_opt_ LPQOS lpSQOS,
        _Reserved_ LPQOS lpGQOS,
        _Out_ LPINT lpErrno);

private:
    static DxSocket* Lookup(SOCKET s);
    static int StartHandshake(DxSocket* sock);
};

int WSPAPI DxProvider::WSPConnect(
    _In_ SOCKET s,
    _In_reads_bytes_(namelen) const struct sockaddr FAR* name,
    _In_ int namelen,
    _In_opt_ LPWSABUF lpCallerData,
    _Inout_opt_ LPWSABUF lpCalleeData,
    _In_opt_ LPQOS lpSQOS,
    _Reserved_ LPQOS lpGQOS,
    _Out_ LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    DxSocket* sock = Lookup(s);
    if (sock == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    switch (sock->state) {
    case SockState::Open:
    case SockState::Bound:
        break;
    case SockState::Listening:
        return SOCKET_ERROR; // expect: errno-not-set
    case SockState::Connecting:
        *lpErrno = WSAEALREADY;
        return SOCKET_ERROR;
    case SockState::Connected:
        *lpErrno = WSAEISCONN;
        return SOCKET_ERROR;
    default:
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    const SOCKADDR_IN* sin = reinterpret_cast<const SOCKADDR_IN*>(name);
    if (sin->sin_family != AF_INET) {
        *lpErrno = WSAEAFNOSUPPORT;
        return SOCKET_ERROR;
    }
    sock->remote = *sin;

    if (StartHandshake(sock) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (sock->nonBlocking) {
        sock->state = SockState::Connecting;
        *lpErrno = WSAEWOULDBLOCK;
        return SOCKET_ERROR;
    }

    sock->state = SockState::Connected;
    if (lpCalleeData != nullptr)
        lpCalleeData->len = 0;
    return 0;
}
