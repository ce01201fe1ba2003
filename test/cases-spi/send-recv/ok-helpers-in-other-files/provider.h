#ifndef PROVIDER_H
#define PROVIDER_H
#include <winsock2.h>
#include <ws2spi.h>

typedef struct _PSOCK {
    SOCKET  Handle;
    LONG    RefCount;
    BOOL    Connected;
    BOOL    MessageOriented;
    BOOL    PeerClosed;
    HANDLE  Device;
} PSOCK;

/* sockets.c: sets *lpErrno exactly when it returns NULL. */
PSOCK *PsockLookup(SOCKET s, LPINT lpErrno);
void   PsockRelease(PSOCK *ps);
/* sockets.c: never fails, sets *lpErrno on every path. */
int    PsockFail(int code, LPINT lpErrno);

/* device.c, not part of this run. */
int DeviceWrite(HANDLE dev, LPWSABUF bufs, DWORD count, LPDWORD done);
int DeviceRead(HANDLE dev, LPWSABUF bufs, DWORD count, LPDWORD done, LPDWORD msgLeft);

#endif
