/*
 * Every spelling of the two allowed results: 0, NO_ERROR, ERROR_SUCCESS,
 * SOCKET_ERROR and -1.
 */
#include <ws2spi.h>

typedef struct _SP {
    int  Mode;
    BOOL Connected;
    SOCKADDR_IN Peer;
} SP;

SP *SpLookup(SOCKET s);

int WSPAPI
SpConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
          LPQOS lpGQOS, LPINT lpErrno)
{
    SP *sp = SpLookup(s);

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    if (sp == NULL) {
        *lpErrno = WSAENOTSOCK;
        return -1;
    }
    if (name == NULL || namelen < (int)sizeof(SOCKADDR_IN)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (sp->Connected) {
        *lpErrno = WSAEISCONN;
        return (-1);
    }

    sp->Peer = *(const SOCKADDR_IN *)name;
    sp->Connected = TRUE;
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;

    switch (sp->Mode) {
    case 0:
        return 0;
    case 1:
        return NO_ERROR;
    default:
        return ERROR_SUCCESS;
    }
}

void
SpInstall(WSPPROC_TABLE *t)
{
    t->lpWSPConnect = SpConnect;
}
