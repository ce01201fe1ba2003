/*
 * PROJECT:     Sample ancillary-function-driver Winsock provider
 * FILE:        helpers.c
 * PURPOSE:     Status translation, socket lookup and IOCTL helpers shared by every
 *              WSP entry point of the provider.
 */
#include "msafd.h"

HANDLE              GlobalHeap;
WSPUPCALLTABLE      Upcalls;
PSOCKET_INFORMATION SocketListHead = NULL;
CRITICAL_SECTION    SocketListLock;

/*
 * One table for all entry points: a reset is right for receive and send, a
 * closed endpoint for shutdown. Callers that have a narrower contract must
 * filter the result themselves.
 */
INT
TranslateNtStatusError(NTSTATUS Status)
{
    switch (Status)
    {
       case STATUS_CANT_WAIT:
       case STATUS_PENDING:
          return WSAEWOULDBLOCK;

       case STATUS_TIMEOUT:
       case STATUS_IO_TIMEOUT:
          return WSAETIMEDOUT;

       case STATUS_SUCCESS:
          return NO_ERROR;

       case STATUS_FILE_CLOSED:
       case STATUS_CONNECTION_RESET:
          return WSAECONNRESET;

       case STATUS_END_OF_FILE:
       case STATUS_GRACEFUL_DISCONNECT:
          return WSAESHUTDOWN;

       case STATUS_BUFFER_TOO_SMALL:
       case STATUS_BUFFER_OVERFLOW:
          return WSAEMSGSIZE;

       case STATUS_NO_MEMORY:
       case STATUS_INSUFFICIENT_RESOURCES:
          return WSAENOBUFS;

       case STATUS_INVALID_CONNECTION:
          return WSAENOTCONN;

       case STATUS_PROTOCOL_NOT_SUPPORTED:
          return WSAEAFNOSUPPORT;

       case STATUS_INVALID_ADDRESS:
       case STATUS_INVALID_ADDRESS_COMPONENT:
          return WSAEADDRNOTAVAIL;

       case STATUS_REMOTE_NOT_LISTENING:
       case STATUS_CONNECTION_REFUSED:
          return WSAECONNREFUSED;

       case STATUS_NETWORK_UNREACHABLE:
          return WSAENETUNREACH;

       case STATUS_HOST_UNREACHABLE:
          return WSAEHOSTUNREACH;

       case STATUS_ADDRESS_ALREADY_EXISTS:
       case STATUS_SHARING_VIOLATION:
          return WSAEADDRINUSE;

       case STATUS_ACCESS_VIOLATION:
          return WSAEFAULT;

       case STATUS_CANCELLED:
          return WSAEINTR;

       case STATUS_INVALID_PARAMETER:
       default:
          ERR("MSAFD: unhandled status %x\n", Status);
          return WSAEINVAL;
    }
}

DWORD
MsafdReturnWithErrno(NTSTATUS Status,
                     LPINT Errno,
                     DWORD Received,
                     LPDWORD ReturnedBytes)
{
    if (Errno)
    {
        *Errno = TranslateNtStatusError(Status);

        if (ReturnedBytes)
            *ReturnedBytes = (*Errno == 0) ? Received : 0;

        return (*Errno == 0) ? 0 : SOCKET_ERROR;
    }
    else
    {
        ERR("%s: Received invalid lpErrno pointer!\n", __FUNCTION__);

        if (ReturnedBytes)
            *ReturnedBytes = (Status == STATUS_SUCCESS) ? Received : 0;

        return (Status == STATUS_SUCCESS) ? 0 : SOCKET_ERROR;
    }
}

PSOCKET_INFORMATION
GetSocketStructure(SOCKET Handle)
{
    PSOCKET_INFORMATION CurrentSocket;

    EnterCriticalSection(&SocketListLock);

    CurrentSocket = SocketListHead;
    while (CurrentSocket)
    {
        if (CurrentSocket->Handle == Handle)
        {
            LeaveCriticalSection(&SocketListLock);
            return CurrentSocket;
        }
        CurrentSocket = CurrentSocket->NextSocket;
    }

    LeaveCriticalSection(&SocketListLock);
    return NULL;
}

VOID
SockReenableAsyncSelectEvent(PSOCKET_INFORMATION Socket, ULONG Event)
{
    if ((Socket->SharedData->AsyncDisabledEvents & Event) == 0)
        return;
    Socket->SharedData->AsyncDisabledEvents &= ~Event;
}

ULONG
GetCurrentTimeInSeconds(VOID)
{
    SYSTEMTIME SysTime1970 = { 1970, 1, 0, 1, 0, 0, 0, 0 };
    union { FILETIME ft; ULONGLONG ll; } u1970, Time;

    GetSystemTimeAsFileTime(&Time.ft);
    SystemTimeToFileTime(&SysTime1970, &u1970.ft);
    return (ULONG)((Time.ll - u1970.ll) / 10000000ULL);
}

NTSTATUS
AfdIoctlSync(HANDLE Handle, HANDLE Event, ULONG Code, PVOID In, ULONG InLen,
             PVOID Out, ULONG OutLen, PULONG_PTR Information)
{
    IO_STATUS_BLOCK IOSB;
    NTSTATUS Status;

    Status = NtDeviceIoControlFile(Handle, Event, NULL, NULL, &IOSB, Code,
                                   In, InLen, Out, OutLen);
    if (Status == STATUS_PENDING)
    {
        WaitForSingleObject(Event, INFINITE);
        Status = IOSB.Status;
    }
    if (Information)
        *Information = IOSB.Information;
    return Status;
}
