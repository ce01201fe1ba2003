// C++ provider that binds a reference to the caller's error slot and writes
// through it; also an RAII guard that releases the socket on every path.
#include <winsock2.h>
#include <ws2spi.h>

class SocketRef {
public:
    explicit SocketRef(SOCKET s);
    ~SocketRef();
    explicit operator bool() const { return ctx_ != nullptr; }
    struct Ctx* operator->() const { return ctx_; }
private:
    struct Ctx* ctx_;
};

struct Ctx {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    bool listening;
};

namespace tunnel {

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    int& err = *lpErrno;

    SocketRef sock(s);
    if (!sock) {
        err = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (sock->listening) {
        err = WSAEINVAL;
        return SOCKET_ERROR;
    }
    return sock->next->lpWSPConnect(sock->lower, name, namelen, lpCallerData,
                                    lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

} // namespace tunnel
