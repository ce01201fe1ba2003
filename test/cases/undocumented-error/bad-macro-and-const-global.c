/*
 * A content-filter LSP: the code for a blocked destination is a macro and the
 * code used while the service is stopping is a constant global. Both expand
 * to codes WSPConnect does not document.
 */
#include <ws2spi.h>

#define LSP_BLOCKED_ERROR   WSAECONNABORTED
#define LSP_TAG             "cfilter"

static const int kStoppingError = WSAESHUTDOWN;
static volatile LONG gStopping;

typedef struct _CF_SOCKET {
    SOCKET        Lower;
    WSPPROC_TABLE Next;
} CF_SOCKET;

CF_SOCKET *CfLookup(SOCKET s);
BOOL CfIsBlocked(const struct sockaddr *name, int namelen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    CF_SOCKET *cs;

    if (gStopping) {
        *lpErrno = kStoppingError; /* expect: undocumented-error */
        return SOCKET_ERROR;
    }

    cs = CfLookup(s);
    if (cs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (CfIsBlocked(name, namelen)) {
        *lpErrno = LSP_BLOCKED_ERROR; /* expect: undocumented-error */
        return SOCKET_ERROR;
    }

    return cs->Next.lpWSPConnect(cs->Lower, name, namelen, lpCallerData,
                                 lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
