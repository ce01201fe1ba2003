#ifndef LSPDEF_H
#define LSPDEF_H
#include <ws2spi.h>

typedef struct _PROVIDER {
    WSPPROC_TABLE NextProcTable;
} PROVIDER;

typedef struct _SOCKET_CONTEXT {
    PROVIDER        *Provider;
    SOCKADDR_STORAGE OriginalAddress;
    SOCKADDR_STORAGE ProxiedAddress;
    int              AddressLength;
    BOOL             Proxied;
} SOCKET_CONTEXT;

SOCKET_CONTEXT *FindSocketContext(SOCKET s);

void FindDestinationAddress(SOCKET_CONTEXT *context, const SOCKADDR *destAddr, int destLen,
                            SOCKADDR **proxyAddr, int *proxyLen);

#endif
