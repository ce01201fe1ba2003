// Codes that appear only in comments, log strings and a lookup table of names
// are not stores into *lpErrno.
//
// Historical note: version 1.0 returned WSAECONNRESET and ECONNREFUSED here
// (*lpErrno = WSAECONNRESET;) until the contract review.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstdio>

struct Named { int code; const char* text; };

static const Named kErrorNames[] = {
    { WSAECONNRESET,   "WSAECONNRESET" },
    { WSAEHOSTUNREACH, "WSAEHOSTUNREACH" },
    { WSAECONNREFUSED, "WSAECONNREFUSED" },
};

struct Conn { SOCKET lower; LPWSPPROC_TABLE next; };
Conn* ConnFor(SOCKET s);

static void Trace(const char* fmt, ...) { (void)fmt; }

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Conn* c = ConnFor(s);
    if (c == nullptr) {
        Trace("connect: not ours, would have been WSAECONNRESET / ECONNRESET / 10054");
        *lpErrno = WSAENOTSOCK; /* not WSAECONNRESET */
        return SOCKET_ERROR;
    }

    int rc = c->next->lpWSPConnect(c->lower, name, namelen, lpCallerData, lpCalleeData,
                                   lpSQOS, lpGQOS, lpErrno);
    if (rc == SOCKET_ERROR) {
        for (const Named& n : kErrorNames) {
            if (n.code == *lpErrno)
                Trace("connect failed: %s", n.text);
        }
    }
    return rc;
}
