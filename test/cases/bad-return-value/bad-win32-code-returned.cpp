// Allocation failure returns the Win32 code (after setting a good *lpErrno).
#include <windows.h>
#include <ws2spi.h>
#include <memory>
#include <new>

struct Tunnel {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    std::unique_ptr<char[]> scratch;
};

Tunnel* TunnelFor(SOCKET s);

int WSPAPI TunnelConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Tunnel* t = TunnelFor(s);
    if (t == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    t->scratch.reset(new (std::nothrow) char[4096]);
    if (!t->scratch) {
        *lpErrno = WSAENOBUFS;
        return ERROR_NOT_ENOUGH_MEMORY; // expect: bad-return-value
    }

    return t->next->lpWSPConnect(t->lower, name, namelen, lpCallerData, lpCalleeData,
                                 lpSQOS, lpGQOS, lpErrno);
}

static WSPPROC_TABLE g_procTable;

extern "C" int WSPAPI WSPStartup(WORD v, LPWSPDATA d, LPWSAPROTOCOL_INFOW pi,
                                 WSPUPCALLTABLE up, LPWSPPROC_TABLE table)
{
    (void)v; (void)d; (void)pi; (void)up;
    g_procTable = *table;
    table->lpWSPConnect = TunnelConnect;
    return ERROR_SUCCESS;
}
