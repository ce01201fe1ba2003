/*
 * A kernel-transport client that leaks NTSTATUS values and -1 into the error
 * slot. Neither is a Winsock error code.
 */
#include <ws2spi.h>

typedef struct _KT_SOCKET {
    HANDLE  Device;
    BOOL    Bound;
    LONG    Outstanding;
} KT_SOCKET;

KT_SOCKET *KtFromSocket(SOCKET s);
NTSTATUS   KtBindWildcard(KT_SOCKET *kt);
NTSTATUS   KtConnect(KT_SOCKET *kt, const struct sockaddr *to, int tolen);

int WSPAPI
KtWspConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
             LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
             LPQOS lpGQOS, LPINT lpErrno)
{
    KT_SOCKET *kt;
    NTSTATUS   status;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    kt = KtFromSocket(s);
    if (kt == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (kt->Outstanding > 64) {
        *lpErrno = STATUS_INSUFFICIENT_RESOURCES; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }

    if (!kt->Bound) {
        status = KtBindWildcard(kt);
        if (!NT_SUCCESS(status)) {
            *lpErrno = -1; /* expect: non-wsa-error */
            return SOCKET_ERROR;
        }
        kt->Bound = TRUE;
    }

    status = KtConnect(kt, name, namelen);
    if (status == STATUS_PENDING) {
        *lpErrno = WSAEWOULDBLOCK;
        return SOCKET_ERROR;
    }
    if (!NT_SUCCESS(status)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}

static WSPPROC_TABLE KtProcTable = {
    .lpWSPConnect = KtWspConnect,
};
