#ifndef AFDP_H
#define AFDP_H
#include <winsock2.h>
#include <ws2spi.h>

typedef struct _SOCKET_INFORMATION {
    HANDLE Handle;
    LONG   RefCount;
    BOOL   NonBlocking;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
NTSTATUS AfdTransfer(PSOCKET_INFORMATION Socket, ULONG Ioctl, LPWSABUF Buffers,
                     DWORD Count, DWORD Flags, PULONG Transferred);

/* One translation for every data path (status.c). */
INT TranslateNtStatusError(NTSTATUS Status);

#endif
