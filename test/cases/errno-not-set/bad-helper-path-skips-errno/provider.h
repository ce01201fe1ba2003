/* Shared declarations of a small layered provider split over two files. */
#ifndef PROVIDER_H
#define PROVIDER_H

#include <ws2spi.h>

typedef struct _LSP_SOCKET {
    SOCKET          LowerSocket;
    LPWSPPROC_TABLE LowerTable;
    LONG            RefCount;
    BOOL            Closing;
} LSP_SOCKET, *PLSP_SOCKET;

extern WSPUPCALLTABLE gUpcalls;
extern volatile LONG  gShuttingDown;

PLSP_SOCKET LspReferenceSocket(SOCKET s, LPINT lpErrno);
VOID        LspDereferenceSocket(PLSP_SOCKET Sock);

#endif
