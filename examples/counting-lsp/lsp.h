/*
 * counting-lsp: a layered service provider that counts connects and bytes per
 * socket. Shared declarations.
 */
#ifndef COUNTING_LSP_H
#define COUNTING_LSP_H

#include <winsock2.h>
#include <ws2spi.h>

typedef struct _LSP_SOCKET {
    SOCKET          Lower;       /* the lower provider's handle */
    SOCKET          Upper;       /* the handle the application sees */
    LPWSPPROC_TABLE Next;
    LONG            RefCount;
    LONGLONG        BytesSent;
    LONGLONG        BytesReceived;
    ULONG           Connects;
} LSP_SOCKET;

extern WSPUPCALLTABLE gUpcalls;
extern WSPPROC_TABLE  gNextTable;

/* Writes *lpErrno on every path that returns NULL. */
LSP_SOCKET *LspAcquire(SOCKET s, LPINT lpErrno);
void        LspRelease(LSP_SOCKET *ls);

#endif
