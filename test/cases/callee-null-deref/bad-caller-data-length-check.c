/*
 * The provider limits the size of the caller's connect data but never checks
 * that any was passed. lpCallerData is NULL in most connect() calls.
 */
#include <ws2spi.h>

#define MAX_CONNECT_DATA 128

typedef struct _DN_SOCKET {
    HANDLE Link;
    CHAR   OutData[MAX_CONNECT_DATA];
    ULONG  OutLen;
} DN_SOCKET;

DN_SOCKET *DnLookup(SOCKET s);
int DnConnect(DN_SOCKET *dn, const struct sockaddr *to, int tolen);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    DN_SOCKET *dn;

    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    dn = DnLookup(s);
    if (dn == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    if (lpCallerData->len > MAX_CONNECT_DATA) { /* expect: callee-null-deref */
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    memcpy(dn->OutData, lpCallerData->buf, lpCallerData->len);
    dn->OutLen = lpCallerData->len;

    if (DnConnect(dn, name, namelen) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}
