/* A counting layered provider over one base provider: every socket the
 * application sees is a handle from WPUCreateSocketHandle whose context holds
 * the lower provider's socket. All 30 entries forward to the lower provider. */
#ifndef LSPDEF_H
#define LSPDEF_H

#include <winsock2.h>
#include <ws2spi.h>

typedef struct _PROVIDER {
    WSAPROTOCOL_INFOW   NextProvider;   /* the lower provider's catalog entry */
    WSAPROTOCOL_INFOW   LayerProvider;  /* our own entry */
    WSPPROC_TABLE       NextProcTable;
    HMODULE             Module;
    INT                 StartupCount;
    CRITICAL_SECTION    Lock;
    LIST_ENTRY          SocketList;
} PROVIDER, *LPPROVIDER;

typedef struct _SOCK_INFO {
    SOCKET      ProviderSocket;     /* the lower provider's socket */
    SOCKET      LayeredSocket;      /* the handle the application holds */
    LONG        RefCount;
    PROVIDER   *Provider;
    HWND        hWnd;               /* WSPAsyncSelect target */
    UINT        uMsg;
    ULONGLONG   BytesSent;
    ULONGLONG   BytesRecv;
    LIST_ENTRY  Link;
} SOCK_INFO;

extern WSPUPCALLTABLE   gMainUpCallTable;
extern LPPROVIDER       gBaseInfo;
extern INT              gLayerCount;
extern CRITICAL_SECTION gCriticalSection;
extern DWORD            gTlsIndex;

/* sockinfo.c */
SOCK_INFO *FindAndRefSocketContext(SOCKET s, LPINT lpErrno);
void       DerefSocketContext(SOCK_INFO *context, LPINT lpErrno);
SOCK_INFO *CreateSockInfo(PROVIDER *Provider, SOCKET ProviderSocket, SOCK_INFO *Inherit, LPINT lpErrno);
void       FreeSockInfo(SOCK_INFO *info);
int        InsertSocketInfo(PROVIDER *provider, SOCK_INFO *sock);
void       RemoveSocketInfo(PROVIDER *provider, SOCK_INFO *sock);
PROVIDER  *FindMatchingProvider(LPWSAPROTOCOL_INFOW lpProtocolInfo, LPINT lpErrno);
int        InitializeProvider(PROVIDER *provider, WORD wVersion, LPWSAPROTOCOL_INFOW lpProtocolInfo,
                              WSPUPCALLTABLE UpCallTable, LPINT lpErrno);
int        LoadLayerChain(LPWSAPROTOCOL_INFOW lpProtocolInfo);
void       UnloadLayerChain(void);

/* asyncselect.c, not part of this check: the hidden window that translates
 * the lower provider's messages back to the application's socket. */
HWND GetWorkerWindow(void);

#define SetBlockingProvider(p) \
    ((gTlsIndex != 0xFFFFFFFF) ? TlsSetValue(gTlsIndex, (p)) : FALSE)

#endif
