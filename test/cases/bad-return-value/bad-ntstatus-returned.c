/*
 * A provider that bridges to a kernel transport returns the driver's status
 * for the overlapped case instead of SOCKET_ERROR + WSAEWOULDBLOCK.
 */
#include <ws2spi.h>

typedef struct _KB_SOCKET {
    HANDLE Device;
    HANDLE Event;
    BOOL   NonBlocking;
} KB_SOCKET;

KB_SOCKET *KbLookup(SOCKET s);
NTSTATUS KbIoctlConnect(KB_SOCKET *kb, const struct sockaddr *to, int tolen);

int WSPAPI
KbConnect(
    _In_ SOCKET s,
    _In_reads_bytes_(namelen) const struct sockaddr FAR *name,
    _In_ int namelen,
    _In_opt_ LPWSABUF lpCallerData,
    _Inout_opt_ LPWSABUF lpCalleeData,
    _In_opt_ LPQOS lpSQOS,
    _Reserved_ LPQOS lpGQOS,
    _Out_ LPINT lpErrno)
{
    KB_SOCKET *kb;
    NTSTATUS st;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    kb = KbLookup(s);
    if (kb == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    st = KbIoctlConnect(kb, name, namelen);
    if (st == STATUS_PENDING) {
        if (kb->NonBlocking) {
            *lpErrno = WSAEWOULDBLOCK;
            return STATUS_PENDING; /* expect: bad-return-value */
        }
        WaitForSingleObject(kb->Event, INFINITE);
        st = STATUS_SUCCESS;
    }
    if (!NT_SUCCESS(st)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}

void
KbFillProcTable(LPWSPPROC_TABLE lpProcTable)
{
    lpProcTable->lpWSPConnect = (LPWSPCONNECT)KbConnect;
}
