// The "peer went away" lambda stores WSAENETRESET, which WSPConnect does not
// document; the other lambda stores documented codes.
#include <winsock2.h>
#include <ws2spi.h>

struct Session {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    bool peerGone;
    bool closing;
};

Session* SessionFor(SOCKET s);

int WSPAPI SessionConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                          LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                          LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    auto fail = [lpErrno](int code) { *lpErrno = code; return SOCKET_ERROR; };
    auto peerGone = [&]() {
        *lpErrno = WSAENETRESET; // expect: undocumented-error
        return SOCKET_ERROR;
    };

    Session* session = SessionFor(s);
    if (!session)
        return fail(WSAENOTSOCK);
    if (session->closing)
        return fail(WSAENETDOWN);
    if (session->peerGone)
        return peerGone();

    return session->next->lpWSPConnect(session->lower, name, namelen, lpCallerData,
                                       lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}

static WSPPROC_TABLE g_table;

void BuildTable(const WSPPROC_TABLE& lower)
{
    g_table = lower;
    g_table.lpWSPConnect = SessionConnect;
}
