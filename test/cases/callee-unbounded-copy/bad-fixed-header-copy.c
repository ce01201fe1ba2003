/*
 * The provider always returns its session header as connect data, copying
 * sizeof(header) bytes whatever the size of the caller's buffer.
 */
#include <ws2spi.h>

typedef struct _SESSION_HDR {
    ULONG  Magic;
    ULONG  SessionId;
    USHORT Version;
    USHORT Flags;
    UCHAR  Nonce[32];
} SESSION_HDR;

typedef struct _SS_SOCK {
    SESSION_HDR Hdr;
    BOOL        Open;
} SS_SOCK;

SS_SOCK *SsLookup(SOCKET s);
NTSTATUS SsOpenSession(SS_SOCK *ss, const struct sockaddr *to, int tolen);

INT
WSPAPI
WSPConnect(IN SOCKET s,
           IN const struct sockaddr *name,
           IN INT namelen,
           IN LPWSABUF lpCallerData,
           OUT LPWSABUF lpCalleeData,
           IN LPQOS lpSQOS,
           IN LPQOS lpGQOS,
           OUT LPINT lpErrno)
{
    SS_SOCK *ss;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    ss = SsLookup(s);
    if (!ss)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!name || namelen < (INT)sizeof(struct sockaddr))
    {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    Status = SsOpenSession(ss, name, namelen);
    if (!NT_SUCCESS(Status))
    {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }
    ss->Open = TRUE;

    if (lpCalleeData != NULL && lpCalleeData->buf != NULL)
    {
        RtlCopyMemory(lpCalleeData->buf, &ss->Hdr, sizeof(ss->Hdr)); /* expect: callee-unbounded-copy */
        lpCalleeData->len = sizeof(ss->Hdr);
    }
    else if (lpCalleeData != NULL)
    {
        lpCalleeData->len = 0;
    }
    return NO_ERROR;
}
