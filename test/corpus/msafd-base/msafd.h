/*
 * PROJECT:     Sample ancillary-function-driver Winsock provider
 * FILE:        msafd.h
 * PURPOSE:     Shared declarations of the base provider
 */
#ifndef __MSAFD_H
#define __MSAFD_H

#include <winsock2.h>
#include <ws2spi.h>
#include <winternl.h>
#include <ntstatus.h>

#define AFD_PACKET_COMMAND_LENGTH   15
#define IOCTL_AFD_BIND                  0x12003
#define IOCTL_AFD_START_LISTEN          0x1200B
#define IOCTL_AFD_CONNECT               0x12007
#define IOCTL_AFD_SET_CONNECT_DATA      0x1201B
#define IOCTL_AFD_SET_CONNECT_DATA_SIZE 0x1202B
#define IOCTL_AFD_GET_CONNECT_DATA      0x12017
#define IOCTL_AFD_GET_PEER_NAME         0x1203F
#define IOCTL_AFD_DISCONNECT            0x1202F

#define WSH_NOTIFY_BIND            0x01
#define WSH_NOTIFY_LISTEN          0x02
#define WSH_NOTIFY_CONNECT         0x04
#define WSH_NOTIFY_ACCEPT          0x08
#define WSH_NOTIFY_CONNECT_ERROR   0x10

typedef enum _SOCKET_STATE {
    SocketOpen,
    SocketBound,
    SocketBoundUdp,
    SocketConnected,
    SocketClosed
} SOCKET_STATE;

typedef struct _HELPER_DATA {
    LIST_ENTRY Helpers;
    LONG       RefCount;
    HANDLE     hInstance;
    INT        MinWSAddressLength;
    INT        MaxWSAddressLength;
    INT        MinTDIAddressLength;
    INT        MaxTDIAddressLength;
    BOOLEAN    UseDelayedAcceptance;
    INT (WINAPI *WSHGetWildcardSockaddr)(PVOID Context, PSOCKADDR Sockaddr, PINT SockaddrLength);
    INT (WINAPI *WSHNotify)(PVOID Context, SOCKET s, HANDLE Addr, HANDLE Conn, DWORD Event);
} HELPER_DATA, *PHELPER_DATA;

typedef struct _SOCK_SHARED_INFO {
    SOCKET_STATE State;
    LONG         RefCount;
    INT          AddressFamily;
    INT          SocketType;
    INT          Protocol;
    INT          SizeOfLocalAddress;
    INT          SizeOfRemoteAddress;
    ULONG        ConnectTime;
    BOOLEAN      Listening;
    BOOLEAN      NonBlocking;
    BOOLEAN      Broadcast;
    LONG         AsyncEvents;
    LONG         AsyncDisabledEvents;
    INT          SocketLastError;
    SOCKADDR     WSLocalAddress;
    SOCKADDR     WSRemoteAddress;
} SOCK_SHARED_INFO, *PSOCK_SHARED_INFO;

typedef struct _SOCKET_INFORMATION {
    SOCKET              Handle;
    PSOCK_SHARED_INFO   SharedData;
    PHELPER_DATA        HelperData;
    PVOID               HelperContext;
    DWORD               HelperEvents;
    HANDLE              TdiAddressHandle;
    HANDLE              TdiConnectionHandle;
    PSOCKADDR           LocalAddress;
    PSOCKADDR           RemoteAddress;
    WSAPROTOCOL_INFOW   ProtocolInfo;
    struct _SOCKET_INFORMATION *NextSocket;
} SOCKET_INFORMATION, *PSOCKET_INFORMATION;

typedef struct _AFD_CONNECT_INFO {
    BOOLEAN UseSAN;
    ULONG   Root;
    ULONG   Unknown;
    struct {
        LONG TAAddressCount;
        struct {
            USHORT AddressLength;
            USHORT AddressType;
            UCHAR  Address[1];
        } Address[1];
    } RemoteAddress;
} AFD_CONNECT_INFO, *PAFD_CONNECT_INFO;

extern HANDLE              GlobalHeap;
extern WSPUPCALLTABLE      Upcalls;
extern PSOCKET_INFORMATION SocketListHead;
extern CRITICAL_SECTION    SocketListLock;

/* helpers.c */
INT   TranslateNtStatusError(NTSTATUS Status);
DWORD MsafdReturnWithErrno(NTSTATUS Status, LPINT Errno, DWORD Received, LPDWORD ReturnedBytes);
PSOCKET_INFORMATION GetSocketStructure(SOCKET Handle);
VOID  SockReenableAsyncSelectEvent(PSOCKET_INFORMATION Socket, ULONG Event);
ULONG GetCurrentTimeInSeconds(VOID);
NTSTATUS AfdIoctlSync(HANDLE Handle, HANDLE Event, ULONG Code, PVOID In, ULONG InLen,
                      PVOID Out, ULONG OutLen, PULONG_PTR Information);

/* dllmain.c */
INT WSPAPI WSPBind(SOCKET Handle, const struct sockaddr *SocketAddress, INT SocketAddressLength, LPINT lpErrno);

#define TRACE(...)  do { } while (0)
#define ERR(...)    do { } while (0)

#endif /* __MSAFD_H */
