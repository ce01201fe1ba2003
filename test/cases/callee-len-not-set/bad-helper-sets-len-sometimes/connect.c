/*
 * The connect data is returned by a helper in cdata.c that leaves
 * Callee->len alone when the peer sent no reply.
 */
#include "cdata.h"

int WSPAPI
VcConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
          LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
          LPQOS lpGQOS, LPINT lpErrno)
{
    VC_CONN *conn;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    conn = VcFromSocket(s);
    if (conn == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (!VcOpen(conn, name, namelen)) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    conn->Open = TRUE;
    VcReturnConnectData(conn, lpCalleeData);
    return NO_ERROR; /* expect: callee-len-not-set */
}

void
VcInstall(LPWSPPROC_TABLE Table)
{
    Table->lpWSPConnect = VcConnect;
}
