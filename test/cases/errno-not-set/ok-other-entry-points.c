/*
 * Only the connect entry is judged. WSPJoinLeaf has the same first seven
 * parameters, ConnectEx is an extension function, and OldConnect has exactly
 * the WSPConnect signature but is never installed: none of them may produce a
 * finding although each returns SOCKET_ERROR without an error code. The saved
 * lower-provider pointer (gNextConnect = table->lpWSPConnect) is a read of the
 * table, not an installation.
 */
#include <winsock2.h>
#include <mswsock.h>
#include <ws2spi.h>

static LPWSPCONNECT  gNextConnect;
static LPWSPJOINLEAF gNextJoinLeaf;
static LPWSPBIND     gNextBind;

SOCKET WSPAPI
WSPJoinLeaf(SOCKET s, const struct sockaddr FAR *name, int namelen,
            LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
            LPQOS lpGQOS, DWORD dwFlags, LPINT lpErrno)
{
    if (dwFlags == 0)
        return INVALID_SOCKET;
    return gNextJoinLeaf(s, name, namelen, lpCallerData, lpCalleeData, lpSQOS,
                         lpGQOS, dwFlags, lpErrno);
}

int WSPAPI
WSPBind(SOCKET s, const struct sockaddr FAR *name, int namelen, LPINT lpErrno)
{
    if (namelen == 0)
        return SOCKET_ERROR;
    return gNextBind(s, name, namelen, lpErrno);
}

BOOL PASCAL FAR
ExtConnectEx(SOCKET s, const struct sockaddr FAR *name, int namelen,
             PVOID lpSendBuffer, DWORD dwSendDataLength, LPDWORD lpdwBytesSent,
             LPOVERLAPPED lpOverlapped)
{
    if (lpOverlapped == NULL)
        return SOCKET_ERROR;
    return FALSE;
}

int WSPAPI
OldConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    if (s == INVALID_SOCKET)
        return SOCKET_ERROR;
    return 0;
}

static int WSPAPI
LspConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    if (gNextConnect == NULL) {
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    }
    return gNextConnect(s, name, namelen, lpCallerData, lpCalleeData, lpSQOS,
                        lpGQOS, lpErrno);
}

int WSPAPI
LspHookTable(LPWSPPROC_TABLE lpProcTable)
{
    gNextConnect  = lpProcTable->lpWSPConnect;
    gNextJoinLeaf = lpProcTable->lpWSPJoinLeaf;
    gNextBind     = lpProcTable->lpWSPBind;

    lpProcTable->lpWSPConnect  = LspConnect;
    lpProcTable->lpWSPJoinLeaf = WSPJoinLeaf;
    lpProcTable->lpWSPBind     = WSPBind;
    return NO_ERROR;
}
