/*
 * The provider probes the caller's buffers under structured exception
 * handling; the handler stores WSAEFAULT before returning.
 */
#include <ws2spi.h>

typedef struct _RSOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    ULONG           CallerBytes;
} RSOCK;

RSOCK *RsLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    RSOCK *rs = RsLookup(s);
    int rc = SOCKET_ERROR;

    if (rs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    __try {
        if (lpCallerData != NULL) {
            rs->CallerBytes = lpCallerData->len;
        }
        rc = rs->Next->lpWSPConnect(rs->Lower, name, namelen, lpCallerData,
                                    lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    }
    __except (GetExceptionCode() == EXCEPTION_ACCESS_VIOLATION
                  ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH) {
        *lpErrno = WSAEFAULT;
        rc = SOCKET_ERROR;
    }

    return rc;
}
