// A game-client hook that rewrites the destination port in the caller's own
// sockaddr (casting away const) before forwarding it.
#include <winsock2.h>
#include <ws2spi.h>

static WSPPROC_TABLE g_next;
static USHORT g_fromPort = 8484;
static USHORT g_toPort = 8585;

static int WSPAPI ConnectHook(SOCKET s, const struct sockaddr FAR* name, int namelen,
                              LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                              LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    auto* sin = const_cast<sockaddr_in*>(reinterpret_cast<const sockaddr_in*>(name));
    if (ntohs(sin->sin_port) == g_fromPort) // expect: name-unchecked
        sin->sin_port = htons(g_toPort);
    return g_next.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                               lpSQOS, lpGQOS, lpErrno);
}

int WSPAPI StartupHook(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                       WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table,
                       LPWSPSTARTUP original)
{
    int rc = original(version, data, info, upcalls, table);
    if (rc == 0) {
        g_next = *table;
        table->lpWSPConnect = ConnectHook;
    }
    return rc;
}
