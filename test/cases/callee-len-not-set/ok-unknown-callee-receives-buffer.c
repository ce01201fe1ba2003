/*
 * The connect data buffer is handed to a routine of the transport library
 * whose body is not part of this run (AfdGetConnectData). Like the lower
 * provider, such a callee may set the length; nothing can be claimed.
 */
#include <ws2spi.h>

typedef struct _AF_SOCK {
    HANDLE Handle;
    BOOL   Connected;
} AF_SOCK;

AF_SOCK *AfLookup(SOCKET s);
NTSTATUS AfdConnect(HANDLE h, const struct sockaddr *to, int tolen);
NTSTATUS AfdGetConnectData(HANDLE h, LPWSABUF CalleeData);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    AF_SOCK *af;
    NTSTATUS st;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    af = AfLookup(s);
    if (af == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    st = AfdConnect(af->Handle, name, namelen);
    if (!NT_SUCCESS(st)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    af->Connected = TRUE;

    if (lpCalleeData != NULL)
        (void)AfdGetConnectData(af->Handle, lpCalleeData);
    return 0;
}
