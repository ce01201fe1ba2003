// The blocking path checks lpCalleeData before writing its length; the
// nonblocking path, added later, does not.
#include <winsock2.h>
#include <ws2spi.h>

class StreamSocket {
public:
    bool nonBlocking = false;
    bool connecting = false;
    int Dial(const SOCKADDR_IN6& to, bool wait);
};

class Provider6 {
public:
    static int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
private:
    static StreamSocket* Find(SOCKET s);
};

int WSPAPI Provider6::WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    StreamSocket* ss = Find(s);
    if (ss == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN6))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (ss->connecting) {
        *lpErrno = WSAEALREADY;
        return SOCKET_ERROR;
    }

    const auto& to = *reinterpret_cast<const SOCKADDR_IN6*>(name);
    if (ss->nonBlocking) {
        if (ss->Dial(to, false) != 0) {
            *lpErrno = WSAENETUNREACH;
            return SOCKET_ERROR;
        }
        ss->connecting = true;
        lpCalleeData->len = 0; // expect: callee-null-deref
        *lpErrno = WSAEWOULDBLOCK;
        return SOCKET_ERROR;
    }

    if (ss->Dial(to, true) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    if (lpCalleeData != nullptr)
        lpCalleeData->len = 0;
    return 0;
}
