#include "provider.h"

extern WSPUPCALLTABLE g_Upcalls;

PSOCK *
PsockLookup(SOCKET s, LPINT lpErrno)
{
    PSOCK *ps = NULL;
    int    err;

    if (g_Upcalls.lpWPUQuerySocketHandleContext(s, (PDWORD_PTR)&ps, &err) == SOCKET_ERROR
        || ps == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return NULL;
    }
    InterlockedIncrement(&ps->RefCount);
    return ps;
}

void
PsockRelease(PSOCK *ps)
{
    InterlockedDecrement(&ps->RefCount);
}

int
PsockFail(int code, LPINT lpErrno)
{
    if (lpErrno != NULL)
        *lpErrno = code;
    return SOCKET_ERROR;
}
