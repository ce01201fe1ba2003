// An unbalanced WSPCleanup fails without saying why ("A successful WSPStartup
// call must occur before using this function": WSANOTINITIALISED).
#include <winsock2.h>
#include <ws2spi.h>
#include <atomic>
#include "ring_provider.h"

namespace {
std::atomic<int> g_startups{0};
}

int WSPAPI WSPCleanup(LPINT lpErrno)
{
    int before = g_startups.load();
    do {
        if (before == 0)
            return SOCKET_ERROR; // expect: errno-not-set
    } while (!g_startups.compare_exchange_weak(before, before - 1));

    if (before == 1 && !ring::Registry::Instance().Shutdown()) {
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }
    return 0;
}
