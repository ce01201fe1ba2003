/*
 * Allocation failure reported with the Win32 code instead of WSAENOBUFS.
 */
#include <windows.h>
#include <ws2spi.h>

typedef struct _PENDING_CONNECT {
    SOCKET      Lower;
    SOCKADDR_IN Target;
    ULONG       Flags;
} PENDING_CONNECT;

typedef struct _PX_SOCKET {
    SOCKET           Lower;
    LPWSPPROC_TABLE  Next;
    PENDING_CONNECT *Pending;
} PX_SOCKET;

PX_SOCKET *PxLookup(SOCKET s);
extern HANDLE gLspHeap;

int WSPAPI
WSPConnect(
    IN SOCKET s,
    IN const struct sockaddr FAR *name,
    IN int namelen,
    IN LPWSABUF lpCallerData,
    OUT LPWSABUF lpCalleeData,
    IN LPQOS lpSQOS,
    IN LPQOS lpGQOS,
    OUT LPINT lpErrno
    )
{
    PX_SOCKET *px = PxLookup(s);

    if (px == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    px->Pending = (PENDING_CONNECT *)HeapAlloc(gLspHeap, HEAP_ZERO_MEMORY, sizeof(PENDING_CONNECT));
    if (px->Pending == NULL)
    {
        *lpErrno = ERROR_NOT_ENOUGH_MEMORY; /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }
    px->Pending->Lower = px->Lower;

    return px->Next->lpWSPConnect(px->Lower, name, namelen, lpCallerData,
                                  lpCalleeData, lpSQOS, lpGQOS, lpErrno);
}
