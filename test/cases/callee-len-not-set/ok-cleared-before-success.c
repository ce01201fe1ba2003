/*
 * Connect data is not supported: the provider reports an empty reply on the
 * success path with a guarded store, and all other exits are failures.
 */
#include <ws2spi.h>

typedef struct _HV_SOCKET {
    GUID  VmId;
    GUID  ServiceId;
    BOOL  Connected;
} HV_SOCKET;

HV_SOCKET *HvLookup(SOCKET s);
int HvDial(HV_SOCKET *hv);

int WSPAPI
HvConnect(
    IN SOCKET s,
    IN const struct sockaddr FAR *name,
    IN int namelen,
    IN LPWSABUF lpCallerData OPTIONAL,
    OUT LPWSABUF lpCalleeData OPTIONAL,
    IN LPQOS lpSQOS OPTIONAL,
    IN LPQOS lpGQOS OPTIONAL,
    OUT LPINT lpErrno
    )
{
    HV_SOCKET *hv;

    UNREFERENCED_PARAMETER(lpGQOS);

    hv = HvLookup(s);
    if (hv == NULL)
    {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (lpCallerData != NULL && lpCallerData->len != 0)
    {
        *lpErrno = WSAEPROTONOSUPPORT;
        return SOCKET_ERROR;
    }
    if (lpSQOS != NULL)
    {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)(sizeof(USHORT) + 2 * sizeof(GUID)))
    {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    memcpy(&hv->VmId, (const BYTE *)name + sizeof(USHORT), sizeof(GUID));
    memcpy(&hv->ServiceId, (const BYTE *)name + sizeof(USHORT) + sizeof(GUID), sizeof(GUID));

    switch (HvDial(hv))
    {
    case 0:
        break;
    case 1:
        *lpErrno = WSAETIMEDOUT;
        return SOCKET_ERROR;
    default:
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    hv->Connected = TRUE;
    if (lpCalleeData != NULL)
    {
        lpCalleeData->len = 0;
    }
    return NO_ERROR;
}

void
HvInstall(LPWSPPROC_TABLE t)
{
    t->lpWSPConnect = HvConnect;
}
