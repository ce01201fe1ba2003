// Exceptions must not cross the SPI boundary, so the provider catches them.
// The catch-all handler returns without an error code.
#include <winsock2.h>
#include <ws2spi.h>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

struct Route {
    std::string host;
    SOCKADDR_IN target;
};

struct Router {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    std::unique_ptr<Route> Resolve(const SOCKADDR_IN& to);   // may throw
};

Router* RouterFor(SOCKET s);

int WSPAPI RouterConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Router* r = RouterFor(s);
    if (r == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == nullptr || namelen < static_cast<int>(sizeof(SOCKADDR_IN))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    try {
        std::unique_ptr<Route> route = r->Resolve(*reinterpret_cast<const SOCKADDR_IN*>(name));
        if (!route) {
            *lpErrno = WSAENETUNREACH;
            return SOCKET_ERROR;
        }
        return r->next->lpWSPConnect(r->lower, reinterpret_cast<const sockaddr*>(&route->target),
                                     sizeof(route->target), lpCallerData, lpCalleeData,
                                     lpSQOS, lpGQOS, lpErrno);
    } catch (const std::bad_alloc&) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    } catch (...) {
        return SOCKET_ERROR; // expect: errno-not-set
    }
}

void RouterInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = RouterConnect; }
