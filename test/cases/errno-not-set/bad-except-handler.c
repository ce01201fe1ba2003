/*
 * The provider copies the caller's connect data inside __try so that a bad
 * pointer from the application cannot crash the process. The handler cleans
 * up but returns without an error code.
 */
#include <ws2spi.h>

#define MAX_CONNECT_DATA 256

typedef struct _VSOCK {
    SOCKET  Lower;
    LPWSPPROC_TABLE Next;
    char    ConnectData[MAX_CONNECT_DATA];
    ULONG   ConnectDataLen;
} VSOCK;

VSOCK *VsLookup(SOCKET s);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
           LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    VSOCK *vs = VsLookup(s);

    if (vs == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpCallerData != NULL) {
        if (lpCallerData->len > MAX_CONNECT_DATA) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        __try {
            memcpy(vs->ConnectData, lpCallerData->buf, lpCallerData->len);
            vs->ConnectDataLen = lpCallerData->len;
        }
        __except (EXCEPTION_EXECUTE_HANDLER) {
            vs->ConnectDataLen = 0;
            return SOCKET_ERROR; /* expect: errno-not-set */
        }
    }

    return vs->Next->lpWSPConnect(vs->Lower, name, namelen, NULL, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}
