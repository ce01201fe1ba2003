/*
 * The translation from the provider's internal codes falls back to EIO (a
 * POSIX name) for anything it does not know. The finding is on the store that
 * receives the helper's result.
 */
#include <errno.h>
#include <ws2spi.h>

enum { MP_OK, MP_REFUSED, MP_TIMEOUT, MP_NOROUTE, MP_INTERNAL };

typedef struct _MP_SOCK {
    PVOID Engine;
    BOOL  Connected;
} MP_SOCK;

MP_SOCK *MpFind(SOCKET s);
int      MpDial(PVOID engine, const struct sockaddr *to, int tolen);

static int
MpToWinsock(int mp)
{
    switch (mp) {
    case MP_REFUSED: return WSAECONNREFUSED;
    case MP_TIMEOUT: return WSAETIMEDOUT;
    case MP_NOROUTE: return WSAENETUNREACH;
    default:         return EIO;
    }
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    MP_SOCK *ms;
    int r;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    ms = MpFind(s);
    if (ms == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }

    r = MpDial(ms->Engine, name, namelen);
    if (r != MP_OK) {
        *lpErrno = MpToWinsock(r); /* expect: non-wsa-error */
        return SOCKET_ERROR;
    }

    ms->Connected = TRUE;
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}
