/*
 * Returning a value the analysis cannot pin down (the lower provider's result,
 * a status from an external routine) is not a finding.
 */
#include <ws2spi.h>

typedef struct _FWD {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    BOOL            UseLegacyPath;
} FWD;

FWD *FwdLookup(SOCKET s);
int  LegacyConnect(FWD *f, const struct sockaddr *name, int namelen,
                   LPWSABUF lpCalleeData, LPINT lpErrno);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    FWD *f = FwdLookup(s);
    int  ret;

    if (f == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (f->UseLegacyPath) {
        ret = LegacyConnect(f, name, namelen, lpCalleeData, lpErrno);
        return ret;
    }

    ret = f->Next->lpWSPConnect(f->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    return ret;
}
