/* The connect entry of the provider: forwards to the lower provider. */
#include "provider.h"

int WSPAPI
LspConnect(
    SOCKET                      s,
    const struct sockaddr FAR  *name,
    int                         namelen,
    LPWSABUF                    lpCallerData,
    LPWSABUF                    lpCalleeData,
    LPQOS                       lpSQOS,
    LPQOS                       lpGQOS,
    LPINT                       lpErrno
    )
{
    PLSP_SOCKET Sock;
    int         rc;

    Sock = LspReferenceSocket(s, lpErrno);
    if (Sock == NULL)
        return SOCKET_ERROR; /* expect: errno-not-set */

    rc = Sock->LowerTable->lpWSPConnect(Sock->LowerSocket, name, namelen,
            lpCallerData, lpCalleeData, lpSQOS, lpGQOS, lpErrno);

    LspDereferenceSocket(Sock);
    return rc;
}

int WSPAPI
WSPStartup(
    WORD                wVersion,
    LPWSPDATA           lpWSPData,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    WSPUPCALLTABLE      UpcallTable,
    LPWSPPROC_TABLE     lpProcTable
    )
{
    UNREFERENCED_PARAMETER(wVersion);
    UNREFERENCED_PARAMETER(lpWSPData);
    UNREFERENCED_PARAMETER(lpProtocolInfo);

    gUpcalls = UpcallTable;
    lpProcTable->lpWSPConnect = LspConnect;
    return NO_ERROR;
}
