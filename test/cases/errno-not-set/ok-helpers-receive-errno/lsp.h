#ifndef LSP_H
#define LSP_H
#include <ws2spi.h>

typedef struct _PROVIDER {
    WSPPROC_TABLE NextProcTable;
    WSAPROTOCOL_INFOW NextProvider;
    int StartupCount;
} PROVIDER;

typedef struct _SOCK_INFO {
    SOCKET    ProviderSocket;
    PROVIDER *Provider;
    LONG      RefCount;
    BOOL      Connecting;
} SOCK_INFO;

/* Defined in sockinfo.c: writes *lpErrno on every path. */
SOCK_INFO *FindAndRefSocketContext(SOCKET s, int *lpErrno);
void DerefSocketContext(SOCK_INFO *ctx, int *lpErrno);

/* Defined in another module that is not part of this run. */
int EnsureProviderLoaded(PROVIDER *provider, int *lpErrno);

#endif
