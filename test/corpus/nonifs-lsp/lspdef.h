/*
 * Byte-counting non-IFS layered provider: common definitions (C-compatible,
 * shared with the installer).
 */
#ifndef _LSPDEF_H_
#define _LSPDEF_H_

#include <winsock2.h>
#include <ws2spi.h>

#define MAX_CONNECTS_IN_FLIGHT 512

typedef struct _PROVIDER
{
    WSAPROTOCOL_INFOW   NextProvider;
    WSAPROTOCOL_INFOW   LayerProvider;
    WSPPROC_TABLE       NextProcTable;
    HMODULE             Module;
    int                 StartupCount;
    LONG                ConnectsInFlight;
    CRITICAL_SECTION    ProviderCritSec;
    struct _SOCK_INFO  *SocketList;
} PROVIDER, *LPPROVIDER;

typedef struct _SOCK_INFO
{
    SOCKET              ProviderSocket;
    SOCKET              LayeredSocket;
    LONG                RefCount;
    LONG                OutstandingOps;
    BOOL                bClosing;
    int                 AddressFamily;
    LONGLONG            BytesSent;
    LONGLONG            BytesRecv;
    HWND                hWnd;
    UINT                uMsg;
    PROVIDER           *Provider;
    struct _SOCK_INFO  *next;
    CRITICAL_SECTION    SockCritSec;
} SOCK_INFO;

extern CRITICAL_SECTION gCriticalSection;
extern WSPUPCALLTABLE   gMainUpCallTable;
extern LPPROVIDER       gBaseInfo;
extern INT              gLayerCount;

SOCK_INFO *FindAndRefSocketContext(SOCKET s, int *lpErrno);
void       DerefSocketContext(SOCK_INFO *context, int *lpErrno);
SOCK_INFO *CreateSockInfo(PROVIDER *Provider, SOCKET ProviderSocket, SOCK_INFO *Inherit,
                          BOOL Insert, int *lpErrno);
void       FreeSockInfo(SOCK_INFO *info);
void       InsertSocketInfo(PROVIDER *provider, SOCK_INFO *sock);
void       RemoveSocketInfo(PROVIDER *provider, SOCK_INFO *sock);

int  InitializeProvider(PROVIDER *provider, WORD wVersion, WSAPROTOCOL_INFOW *lpProtocolInfo,
                        WSPUPCALLTABLE UpCallTable, int *Error);
PROVIDER *FindMatchingLspEntryForProtocolInfo(WSAPROTOCOL_INFOW *inInfo, PROVIDER *lspProviders,
                                              int lspCount, BOOL fromStartup);
void dbgprint(char *format, ...);

#endif
