/*
 * The LSP never looks at the address: name and namelen go to the lower
 * provider as they came, which is where they are validated.
 */
#include <ws2spi.h>

typedef struct _COUNT_SOCK {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    LONG            Connects;
} COUNT_SOCK;

COUNT_SOCK *CountLookup(SOCKET s, LPINT lpErrno);

int WSPAPI
WSPConnect(
    SOCKET                s,
    const struct sockaddr FAR * name,
    int                   namelen,
    LPWSABUF              lpCallerData,
    LPWSABUF              lpCalleeData,
    LPQOS                 lpSQOS,
    LPQOS                 lpGQOS,
    LPINT                 lpErrno
    )
{
    COUNT_SOCK *cs;
    int         ret = SOCKET_ERROR;

    cs = CountLookup(s, lpErrno);
    if (cs == NULL)
        goto cleanup;

    InterlockedIncrement(&cs->Connects);
    ret = cs->Next->lpWSPConnect(cs->Lower, name, namelen, lpCallerData,
                                 lpCalleeData, lpSQOS, lpGQOS, lpErrno);

cleanup:
    return ret;
}
