/*
 * PROJECT:     Sample ancillary-function-driver Winsock provider
 * FILE:        dllmain.c
 * PURPOSE:     WSP entry points of the base provider (socket, bind, listen, connect,
 *              peer name, shutdown, close) and WSPStartup.
 */
#include "msafd.h"

static WSPDATA gWSPData;
static LONG    gStartupCount;

/*
 * FUNCTION: Creates a new socket
 * RETURNS:  Created socket, or INVALID_SOCKET if it could not be created
 */
SOCKET
WSPAPI
WSPSocket(int AddressFamily,
          int SocketType,
          int Protocol,
          LPWSAPROTOCOL_INFOW lpProtocolInfo,
          GROUP g,
          DWORD dwFlags,
          LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket = NULL;
    HANDLE              Sock = NULL;
    INT                 Status;

    UNREFERENCED_PARAMETER(g);
    UNREFERENCED_PARAMETER(dwFlags);

    if (AddressFamily == AF_UNSPEC && SocketType == 0 && Protocol == 0)
    {
        Status = WSAEINVAL;
        goto error;
    }

    Socket = HeapAlloc(GlobalHeap, HEAP_ZERO_MEMORY, sizeof(*Socket));
    if (!Socket)
    {
        Status = WSAENOBUFS;
        goto error;
    }

    Socket->SharedData = HeapAlloc(GlobalHeap, HEAP_ZERO_MEMORY, sizeof(*Socket->SharedData));
    if (!Socket->SharedData)
    {
        Status = WSAENOBUFS;
        goto error;
    }

    Socket->SharedData->State = SocketOpen;
    Socket->SharedData->RefCount = 1L;
    Socket->SharedData->AddressFamily = AddressFamily;
    Socket->SharedData->SocketType = SocketType;
    Socket->SharedData->Protocol = Protocol;
    Socket->SharedData->SizeOfLocalAddress = sizeof(SOCKADDR);
    Socket->SharedData->SizeOfRemoteAddress = sizeof(SOCKADDR);
    Socket->LocalAddress = &Socket->SharedData->WSLocalAddress;
    Socket->RemoteAddress = &Socket->SharedData->WSRemoteAddress;
    RtlCopyMemory(&Socket->ProtocolInfo, lpProtocolInfo, sizeof(Socket->ProtocolInfo));

    Status = Upcalls.lpWPUCreateSocketHandle(lpProtocolInfo->dwCatalogEntryId,
                                             (DWORD_PTR)Socket, lpErrno);
    if ((SOCKET)Status == INVALID_SOCKET)
        goto error_noset;

    Socket->Handle = (SOCKET)Status;
    Sock = (HANDLE)Socket->Handle;

    EnterCriticalSection(&SocketListLock);
    Socket->NextSocket = SocketListHead;
    SocketListHead = Socket;
    LeaveCriticalSection(&SocketListLock);

    TRACE("Success %x\n", Sock);
    return (SOCKET)Sock;

error:
    if (lpErrno)
        *lpErrno = Status;
error_noset:
    if (Socket && Socket->SharedData)
        HeapFree(GlobalHeap, 0, Socket->SharedData);
    if (Socket)
        HeapFree(GlobalHeap, 0, Socket);
    return INVALID_SOCKET;
}

INT
WSPAPI
WSPBind(SOCKET Handle,
        const struct sockaddr *SocketAddress,
        INT SocketAddressLength,
        LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS            Status;
    HANDLE              SockEvent;
    ULONG_PTR           Information = 0;

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (Socket->SharedData->State != SocketOpen)
    {
        if (lpErrno) *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (!SocketAddress || SocketAddressLength < Socket->HelperData->MinWSAddressLength)
    {
        if (lpErrno) *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    Status = NtCreateEvent(&SockEvent, EVENT_ALL_ACCESS, NULL, SynchronizationEvent, FALSE);
    if (!NT_SUCCESS(Status))
        return SOCKET_ERROR;

    Status = AfdIoctlSync((HANDLE)Socket->Handle, SockEvent, IOCTL_AFD_BIND,
                          (PVOID)SocketAddress, SocketAddressLength, NULL, 0, &Information);
    NtClose(SockEvent);

    if (NT_SUCCESS(Status))
    {
        Socket->TdiAddressHandle = (HANDLE)Information;
        RtlCopyMemory(Socket->LocalAddress, SocketAddress,
                      min(SocketAddressLength, (INT)sizeof(SOCKADDR)));
        Socket->SharedData->State = SocketBound;
    }

    return MsafdReturnWithErrno(Status, lpErrno, 0, NULL);
}

int
WSPAPI
WSPListen(SOCKET Handle,
          int Backlog,
          LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS            Status;
    HANDLE              SockEvent;

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (Socket->SharedData->Listening)
        return NO_ERROR;

    Status = NtCreateEvent(&SockEvent, EVENT_ALL_ACCESS, NULL, SynchronizationEvent, FALSE);
    if (!NT_SUCCESS(Status))
        return SOCKET_ERROR;

    Status = AfdIoctlSync((HANDLE)Handle, SockEvent, IOCTL_AFD_START_LISTEN,
                          &Backlog, sizeof(Backlog), NULL, 0, NULL);
    NtClose(SockEvent);

    if (Status == STATUS_SUCCESS)
        Socket->SharedData->Listening = TRUE;

    return MsafdReturnWithErrno(Status, lpErrno, 0, NULL);
}

int
WSPAPI
WSPConnect(SOCKET Handle,
           const struct sockaddr * SocketAddress,
           int SocketAddressLength,
           LPWSABUF lpCallerData,
           LPWSABUF lpCalleeData,
           LPQOS lpSQOS,
           LPQOS lpGQOS,
           LPINT lpErrno)
{
    PAFD_CONNECT_INFO       ConnectInfo = NULL;
    PSOCKET_INFORMATION     Socket;
    NTSTATUS                Status;
    INT                     Errno;
    ULONG                   ConnectDataLength;
    ULONG                   InConnectDataLength;
    INT                     BindAddressLength;
    PSOCKADDR               BindAddress;
    HANDLE                  SockEvent;
    int                     SocketDataLength;

    UNREFERENCED_PARAMETER(lpGQOS);

    TRACE("Called (%lx)\n", Handle);

    /* Get the Socket Structure associate to this Socket*/
    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (Socket->SharedData->Listening)
    {
        if (lpErrno) *lpErrno = WSAEINVAL;
        return SOCKET_ERROR;
    }

    if (lpSQOS != NULL)
    {
        /* The transport has no notion of flow specifications */
        if (lpErrno) *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    Status = NtCreateEvent(&SockEvent,
                           EVENT_ALL_ACCESS,
                           NULL,
                           SynchronizationEvent,
                           FALSE);

    if (!NT_SUCCESS(Status))
        return SOCKET_ERROR; /* expect: errno-not-set */

    /* Bind us First */
    if (Socket->SharedData->State == SocketOpen)
    {
        /* Get the Wildcard Address */
        BindAddressLength = Socket->HelperData->MaxWSAddressLength;
        BindAddress = HeapAlloc(GlobalHeap, 0, BindAddressLength);
        if (!BindAddress)
        {
            NtClose(SockEvent);
            return MsafdReturnWithErrno(STATUS_INSUFFICIENT_RESOURCES, lpErrno, 0, NULL);
        }
        Socket->HelperData->WSHGetWildcardSockaddr(Socket->HelperContext,
                                                   BindAddress,
                                                   &BindAddressLength);
        /* Bind it */
        Errno = WSPBind(Handle, BindAddress, BindAddressLength, lpErrno); /* expect: undocumented-error */
        HeapFree(GlobalHeap, 0, BindAddress);
        if (Errno == SOCKET_ERROR)
        {
            NtClose(SockEvent);
            return SOCKET_ERROR; /* expect: errno-not-set */
        }
    }

    /* Set the Connect Data */
    if (lpCallerData != NULL)
    {
        ConnectDataLength = lpCallerData->len;
        Status = AfdIoctlSync((HANDLE)Handle, SockEvent, IOCTL_AFD_SET_CONNECT_DATA,
                              lpCallerData->buf, ConnectDataLength, NULL, 0, NULL);
        if (Status != STATUS_SUCCESS)
            goto notify;
    }

    /* Calculate the size of SocketAddress->sa_data */
    SocketDataLength = SocketAddressLength - FIELD_OFFSET(struct sockaddr, sa_data);

    /* Allocate a connection info buffer with SocketDataLength bytes of payload */
    ConnectInfo = HeapAlloc(GlobalHeap, 0,
                            FIELD_OFFSET(AFD_CONNECT_INFO,
                                         RemoteAddress.Address[0].Address[SocketDataLength]));
    if (!ConnectInfo)
    {
        Status = STATUS_INSUFFICIENT_RESOURCES;
        goto notify;
    }

    /* Set up Address in TDI Format */
    ConnectInfo->RemoteAddress.TAAddressCount = 1;
    ConnectInfo->RemoteAddress.Address[0].AddressLength = SocketDataLength;
    ConnectInfo->RemoteAddress.Address[0].AddressType = SocketAddress->sa_family; /* expect: name-unchecked */
    RtlCopyMemory(ConnectInfo->RemoteAddress.Address[0].Address,
                  SocketAddress->sa_data,
                  SocketDataLength);

    /*
     * Disable FD_WRITE and FD_CONNECT until the connect completes; they are
     * re-enabled at notify below.
     */
    if (Socket->SharedData->AsyncEvents & FD_CONNECT)
    {
        Socket->SharedData->AsyncDisabledEvents |= FD_CONNECT | FD_WRITE;
    }

    /* Tell AFD that we want Connection Data back, have it allocate a buffer */
    if (lpCalleeData != NULL)
    {
        InConnectDataLength = lpCalleeData->len;
        Status = AfdIoctlSync((HANDLE)Handle, SockEvent, IOCTL_AFD_SET_CONNECT_DATA_SIZE,
                              &InConnectDataLength, sizeof(InConnectDataLength), NULL, 0, NULL);
        if (Status != STATUS_SUCCESS)
            goto notify;
    }

    /* AFD doesn't seem to care if these are invalid, but let's 0 them anyways */
    ConnectInfo->Root = 0;
    ConnectInfo->UseSAN = FALSE;
    ConnectInfo->Unknown = 0;

    /* Send IOCTL */
    Status = AfdIoctlSync((HANDLE)Handle, SockEvent, IOCTL_AFD_CONNECT,
                          ConnectInfo, 0x22, NULL, 0,
                          (PULONG_PTR)&Socket->TdiConnectionHandle);

    Socket->SharedData->SocketLastError = TranslateNtStatusError(Status);
    if (Status != STATUS_SUCCESS)
        goto notify;

    Socket->SharedData->State = SocketConnected;
    Socket->SharedData->ConnectTime = GetCurrentTimeInSeconds();

    /* Get any pending connect data */
    if (lpCalleeData != NULL)
    {
        Status = AfdIoctlSync((HANDLE)Handle, SockEvent, IOCTL_AFD_GET_CONNECT_DATA,
                              NULL, 0, lpCalleeData->buf, lpCalleeData->len, NULL);
    }

    TRACE("Ending %lx\n", Status);

notify:
    if (ConnectInfo) HeapFree(GlobalHeap, 0, ConnectInfo);

    /* Re-enable Async Event */
    SockReenableAsyncSelectEvent(Socket, FD_WRITE);
    SockReenableAsyncSelectEvent(Socket, FD_CONNECT);

    NtClose(SockEvent);

    if (Status == STATUS_SUCCESS && (Socket->HelperEvents & WSH_NOTIFY_CONNECT))
    {
        Errno = Socket->HelperData->WSHNotify(Socket->HelperContext,
                                              Socket->Handle,
                                              Socket->TdiAddressHandle,
                                              Socket->TdiConnectionHandle,
                                              WSH_NOTIFY_CONNECT);

        if (Errno)
        {
            if (lpErrno) *lpErrno = Errno;
            return SOCKET_ERROR;
        }
    }
    else if (Status != STATUS_SUCCESS && (Socket->HelperEvents & WSH_NOTIFY_CONNECT_ERROR))
    {
        Errno = Socket->HelperData->WSHNotify(Socket->HelperContext,
                                              Socket->Handle,
                                              Socket->TdiAddressHandle,
                                              Socket->TdiConnectionHandle,
                                              WSH_NOTIFY_CONNECT_ERROR);

        if (Errno)
        {
            if (lpErrno) *lpErrno = Errno;
            return SOCKET_ERROR;
        }
    }

    return MsafdReturnWithErrno(Status, lpErrno, 0, NULL); /* expect: undocumented-error, callee-len-not-set */
}

INT
WSPAPI
WSPGetPeerName(IN SOCKET s,
               OUT LPSOCKADDR Name,
               IN OUT LPINT NameLength,
               OUT LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;

    Socket = GetSocketStructure(s);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (Socket->SharedData->State != SocketConnected)
    {
        if (lpErrno) *lpErrno = WSAENOTCONN;
        return SOCKET_ERROR;
    }

    if (!Name || !NameLength)
    {
        if (lpErrno) *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    if (*NameLength < Socket->SharedData->SizeOfRemoteAddress)
    {
        *NameLength = Socket->SharedData->SizeOfRemoteAddress;
        if (lpErrno) *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    RtlCopyMemory(Name, Socket->RemoteAddress, Socket->SharedData->SizeOfRemoteAddress);
    *NameLength = Socket->SharedData->SizeOfRemoteAddress;
    if (lpErrno) *lpErrno = NO_ERROR;
    return 0;
}

int
WSPAPI
WSPShutdown(SOCKET Handle,
            int HowTo,
            LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket;
    NTSTATUS            Status;
    HANDLE              SockEvent;
    ULONG               DisconnectType;

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
       if (lpErrno) *lpErrno = WSAENOTSOCK;
       return SOCKET_ERROR;
    }

    Status = NtCreateEvent(&SockEvent, EVENT_ALL_ACCESS, NULL, SynchronizationEvent, FALSE);
    if (!NT_SUCCESS(Status))
        return SOCKET_ERROR;

    switch (HowTo)
    {
        case SD_RECEIVE: DisconnectType = 1; break;
        case SD_SEND:    DisconnectType = 2; break;
        case SD_BOTH:    DisconnectType = 3; break;
        default:
            NtClose(SockEvent);
            if (lpErrno) *lpErrno = WSAEINVAL;
            return SOCKET_ERROR;
    }

    Status = AfdIoctlSync((HANDLE)Handle, SockEvent, IOCTL_AFD_DISCONNECT,
                          &DisconnectType, sizeof(DisconnectType), NULL, 0, NULL);
    NtClose(SockEvent);

    Socket->SharedData->SocketLastError = TranslateNtStatusError(Status);
    return MsafdReturnWithErrno(Status, lpErrno, 0, NULL);
}

INT
WSPAPI
WSPCloseSocket(IN SOCKET Handle,
               OUT LPINT lpErrno)
{
    PSOCKET_INFORMATION Socket, CurrentSocket;

    Socket = GetSocketStructure(Handle);
    if (!Socket)
    {
        if (lpErrno) *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    EnterCriticalSection(&SocketListLock);
    if (SocketListHead == Socket)
    {
        SocketListHead = Socket->NextSocket;
    }
    else
    {
        for (CurrentSocket = SocketListHead; CurrentSocket; CurrentSocket = CurrentSocket->NextSocket)
        {
            if (CurrentSocket->NextSocket == Socket)
            {
                CurrentSocket->NextSocket = Socket->NextSocket;
                break;
            }
        }
    }
    LeaveCriticalSection(&SocketListLock);

    Socket->SharedData->State = SocketClosed;
    NtClose((HANDLE)Handle);
    HeapFree(GlobalHeap, 0, Socket->SharedData);
    HeapFree(GlobalHeap, 0, Socket);

    if (lpErrno) *lpErrno = NO_ERROR;
    return NO_ERROR;
}

SOCKET
WSPAPI
WSPJoinLeaf(IN SOCKET s,
            IN CONST SOCKADDR *name,
            IN INT namelen,
            IN LPWSABUF lpCallerData,
            OUT LPWSABUF lpCalleeData,
            IN LPQOS lpSQOS,
            IN LPQOS lpGQOS,
            IN DWORD dwFlags,
            OUT LPINT lpErrno)
{
    UNREFERENCED_PARAMETER(s);
    UNREFERENCED_PARAMETER(name);
    UNREFERENCED_PARAMETER(namelen);
    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpCalleeData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);
    UNREFERENCED_PARAMETER(dwFlags);

    if (lpErrno) *lpErrno = WSAEOPNOTSUPP;
    return INVALID_SOCKET;
}

INT
WSPAPI
WSPStartup(IN  WORD wVersionRequested,
           OUT LPWSPDATA lpWSPData,
           IN  LPWSAPROTOCOL_INFOW lpProtocolInfo,
           IN  WSPUPCALLTABLE UpcallTable,
           OUT LPWSPPROC_TABLE lpProcTable)
{
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    if (LOBYTE(wVersionRequested) < 2)
        return WSAVERNOTSUPPORTED;

    Upcalls = UpcallTable;

    if (InterlockedIncrement(&gStartupCount) == 1)
    {
        gWSPData.wVersion = MAKEWORD(2, 2);
        gWSPData.wHighVersion = MAKEWORD(2, 2);
        wcscpy(gWSPData.szDescription, L"Sample AFD provider");
    }

    RtlZeroMemory(lpProcTable, sizeof(*lpProcTable));
    lpProcTable->lpWSPBind = WSPBind;
    lpProcTable->lpWSPCloseSocket = WSPCloseSocket;
    lpProcTable->lpWSPConnect = WSPConnect;
    lpProcTable->lpWSPGetPeerName = WSPGetPeerName;
    lpProcTable->lpWSPJoinLeaf = WSPJoinLeaf;
    lpProcTable->lpWSPListen = WSPListen;
    lpProcTable->lpWSPShutdown = WSPShutdown;
    lpProcTable->lpWSPSocket = WSPSocket;

    *lpWSPData = gWSPData;
    return NO_ERROR;
}
