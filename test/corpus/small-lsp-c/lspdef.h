/*
 * Parental-control style IFS layered provider: shared definitions.
 */
#ifndef _LSPDEF_H_
#define _LSPDEF_H_

#include <winsock2.h>
#include <mswsock.h>
#include <ws2spi.h>

#define MAX_BLOCK_RULES 128

typedef struct _PROVIDER
{
    WSAPROTOCOL_INFOW   NextProvider;
    WSAPROTOCOL_INFOW   LayerProvider;
    WSPPROC_TABLE       NextProcTable;
    LPFN_CONNECTEX      NextConnectEx;
    HMODULE             Module;
    LONG                StartupCount;
    LONG                ActiveConnects;
    CRITICAL_SECTION    ProviderCritSec;
} PROVIDER, *LPPROVIDER;

typedef struct _SOCK_INFO
{
    SOCKET              Socket;
    PROVIDER           *Provider;
    LONG                RefCount;
    SOCKADDR_STORAGE    Destination;
    int                 DestinationLen;
    BOOL                Blocked;
    struct _SOCK_INFO  *Next;
} SOCK_INFO;

typedef struct _BLOCK_RULE
{
    ULONG   Address;
    ULONG   Mask;
    USHORT  Port;
} BLOCK_RULE;

extern CRITICAL_SECTION gCriticalSection;
extern WSPUPCALLTABLE   gMainUpCallTable;
extern LPPROVIDER       gLayerInfo;
extern int              gLayerCount;
extern volatile BOOL    gDetaching;
extern LONG             gMaxConnects;
extern BLOCK_RULE       gRules[MAX_BLOCK_RULES];
extern int              gRuleCount;

/* sockinfo.c */
SOCK_INFO *FindSockInfo(SOCKET s, int *lpErrno);
SOCK_INFO *CreateSockInfo(PROVIDER *Provider, SOCKET s, int *lpErrno);
void       ReleaseSockInfo(SOCK_INFO *info);
void       RemoveSockInfo(SOCK_INFO *info);

/* addr.c */
void SaveDestination(SOCK_INFO *info, const struct sockaddr *name, int namelen);
BOOL IsBlockedDestination(const SOCK_INFO *info);
BOOL LoadBlockRules(void);

void dbgprint(const char *format, ...);

#endif
