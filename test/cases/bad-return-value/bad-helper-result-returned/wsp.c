#include "conn.h"

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    CONN *c;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    c = ConnFromSocket(s);
    if (c == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (c->State != CONN_IDLE) {
        *lpErrno = (c->State == CONN_PENDING) ? WSAEALREADY : WSAEISCONN;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;

    return CompleteConnect(c, ConnStart(c, name, namelen), lpErrno); /* expect: bad-return-value */
}
