// Other entry points legitimately return handles, BOOLs and Winsock codes:
// WSPSocket, WSPGetOverlappedResult, WSPStartup. They are not connect entries.
#include <winsock2.h>
#include <ws2spi.h>

struct Provider {
    static SOCKET WSPAPI Socket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
                                GROUP g, DWORD flags, LPINT err);
    static BOOL WSPAPI GetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD bytes,
                                           BOOL wait, LPDWORD flags, LPINT err);
    static int WSPAPI Connect(SOCKET s, const sockaddr FAR* name, int namelen,
                              LPWSABUF caller, LPWSABUF callee, LPQOS sqos, LPQOS gqos,
                              LPINT err);
    static WSPPROC_TABLE next;
};

WSPPROC_TABLE Provider::next;

SOCKET WSPAPI Provider::Socket(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
                               GROUP g, DWORD flags, LPINT err)
{
    if (af != AF_INET) {
        *err = WSAEAFNOSUPPORT;
        return INVALID_SOCKET;
    }
    return next.lpWSPSocket(af, type, protocol, info, g, flags, err);
}

BOOL WSPAPI Provider::GetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD bytes,
                                          BOOL wait, LPDWORD flags, LPINT err)
{
    (void)s; (void)wait;
    *bytes = static_cast<DWORD>(ov->InternalHigh);
    *flags = ov->Offset;
    *err = static_cast<INT>(ov->OffsetHigh);
    return ov->OffsetHigh == 0 ? TRUE : FALSE;
}

int WSPAPI Provider::Connect(SOCKET s, const sockaddr FAR* name, int namelen,
                             LPWSABUF caller, LPWSABUF callee, LPQOS sqos, LPQOS gqos,
                             LPINT err)
{
    return next.lpWSPConnect(s, name, namelen, caller, callee, sqos, gqos, err);
}

extern "C" int WSPAPI WSPStartup(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                                 WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table)
{
    (void)data; (void)info; (void)upcalls;
    if (LOBYTE(version) < 2)
        return WSAVERNOTSUPPORTED;
    Provider::next = *table;
    table->lpWSPSocket = &Provider::Socket;
    table->lpWSPGetOverlappedResult = &Provider::GetOverlappedResult;
    table->lpWSPConnect = &Provider::Connect;
    return 0;
}
