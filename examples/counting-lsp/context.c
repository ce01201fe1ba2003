/* Socket context lookup for counting-lsp. */
#include "lsp.h"

WSPUPCALLTABLE gUpcalls;
WSPPROC_TABLE  gNextTable;

LSP_SOCKET *
LspAcquire(SOCKET s, LPINT lpErrno)
{
    LSP_SOCKET *ls = NULL;

    if (gUpcalls.lpWPUQuerySocketHandleContext(s, (PDWORD_PTR)&ls, lpErrno) == SOCKET_ERROR)
        return NULL;
    if (ls == NULL) {
        *lpErrno = WSAENOTSOCK;
        return NULL;
    }
    InterlockedIncrement(&ls->RefCount);
    return ls;
}

void
LspRelease(LSP_SOCKET *ls)
{
    if (InterlockedDecrement(&ls->RefCount) == 0)
        HeapFree(GetProcessHeap(), 0, ls);
}
