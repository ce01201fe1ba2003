// A proxying LSP whose entry points are static members of one class, installed
// into the proc table with &Class::Member. The member is not called WSPConnect.
#include <winsock2.h>
#include <ws2spi.h>
#include <mutex>

class ProxyLayer {
public:
    static int WSPAPI Connect(SOCKET sock, const sockaddr FAR* addr, int addrLen,
                              LPWSABUF callerData, LPWSABUF calleeData,
                              LPQOS sqos, LPQOS gqos, LPINT error);
    static int WSPAPI Startup(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                              WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table);

private:
    static WSPPROC_TABLE s_next;
    static std::timed_mutex s_configLock;
    static bool s_redirect;
    static SOCKADDR_IN s_proxy;
};

WSPPROC_TABLE ProxyLayer::s_next;
std::timed_mutex ProxyLayer::s_configLock;
bool ProxyLayer::s_redirect = false;
SOCKADDR_IN ProxyLayer::s_proxy;

int WSPAPI ProxyLayer::Connect(SOCKET sock, const sockaddr FAR* addr, int addrLen,
                               LPWSABUF callerData, LPWSABUF calleeData,
                               LPQOS sqos, LPQOS gqos, LPINT error)
{
    std::unique_lock<std::timed_mutex> guard(s_configLock, std::defer_lock);
    if (!guard.try_lock_for(std::chrono::milliseconds(200))) {
        // Configuration is being reloaded; give up rather than block the app.
        return SOCKET_ERROR; // expect: errno-not-set
    }

    if (!s_redirect) {
        return s_next.lpWSPConnect(sock, addr, addrLen, callerData, calleeData, sqos, gqos, error);
    }

    return s_next.lpWSPConnect(sock, reinterpret_cast<const sockaddr*>(&s_proxy),
                               static_cast<int>(sizeof(s_proxy)),
                               callerData, calleeData, sqos, gqos, error);
}

int WSPAPI ProxyLayer::Startup(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                               WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table)
{
    (void)version; (void)data; (void)info; (void)upcalls;
    s_next = *table;
    table->lpWSPConnect = &ProxyLayer::Connect;
    return NO_ERROR;
}
