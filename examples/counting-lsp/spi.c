/*
 * counting-lsp: the intercepted entry points. Everything it does not need is
 * the lower provider's. WSPConnect translates the handle, forwards name,
 * namelen and the connect-data buffers untouched, and counts successes.
 */
#include "lsp.h"

int WSPAPI
WSPConnect(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPWSABUF              lpCallerData,
    LPWSABUF              lpCalleeData,
    LPQOS                 lpSQOS,
    LPQOS                 lpGQOS,
    LPINT                 lpErrno
    )
{
    LSP_SOCKET *ls;
    int         rc;

    ls = LspAcquire(s, lpErrno);
    if (ls == NULL)
        return SOCKET_ERROR;

    rc = ls->Next->lpWSPConnect(ls->Lower, name, namelen, lpCallerData,
                                lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (rc == 0 || (rc == SOCKET_ERROR && *lpErrno == WSAEWOULDBLOCK))
        InterlockedIncrement((LONG *)&ls->Connects);

    LspRelease(ls);
    return rc;
}

int WSPAPI
WSPSend(
    SOCKET          s,
    LPWSABUF        lpBuffers,
    DWORD           dwBufferCount,
    LPDWORD         lpNumberOfBytesSent,
    DWORD           dwFlags,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID   lpThreadId,
    LPINT           lpErrno
    )
{
    LSP_SOCKET *ls;
    int         rc;

    ls = LspAcquire(s, lpErrno);
    if (ls == NULL)
        return SOCKET_ERROR;

    if (lpOverlapped != NULL) {
        /* Overlapped I/O is not counted by this sample. */
        rc = ls->Next->lpWSPSend(ls->Lower, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
                                 dwFlags, lpOverlapped, lpCompletionRoutine, lpThreadId, lpErrno);
        LspRelease(ls);
        return rc;
    }

    rc = ls->Next->lpWSPSend(ls->Lower, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
                             dwFlags, NULL, NULL, lpThreadId, lpErrno);
    if (rc == 0)
        ls->BytesSent += *lpNumberOfBytesSent;
    LspRelease(ls);
    return rc;
}

int WSPAPI
WSPCloseSocket(SOCKET s, LPINT lpErrno)
{
    LSP_SOCKET *ls;
    int         rc;

    ls = LspAcquire(s, lpErrno);
    if (ls == NULL)
        return SOCKET_ERROR;

    rc = ls->Next->lpWSPCloseSocket(ls->Lower, lpErrno);
    if (rc == 0)
        rc = gUpcalls.lpWPUCloseSocketHandle(ls->Upper, lpErrno);

    LspRelease(ls);   /* the lookup reference */
    LspRelease(ls);   /* the creation reference */
    return rc;
}

int WSPAPI
WSPStartup(
    WORD                wVersion,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable
    )
{
    extern int LoadLowerProvider(WORD, LPWSPDATA, LPWSAPROTOCOL_INFOW, WSPUPCALLTABLE,
                                 LPWSPPROC_TABLE);
    int rc;

    gUpcalls = UpcallTable;
    rc = LoadLowerProvider(wVersion, lpWSPData, lpProtocolInfo, UpcallTable, &gNextTable);
    if (rc != 0)
        return rc;

    /* Start from the lower provider's table and override what we intercept. */
    memcpy(lpProcTable, &gNextTable, sizeof(*lpProcTable));
    lpProcTable->lpWSPConnect = WSPConnect;
    lpProcTable->lpWSPSend = WSPSend;
    lpProcTable->lpWSPCloseSocket = WSPCloseSocket;
    return 0;
}
