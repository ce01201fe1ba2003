/*
 * A provider built on a POSIX-like transport library translates errno values
 * at the boundary: the POSIX names only appear as case labels and in the
 * library-facing helper, never in *lpErrno.
 */
#include <errno.h>
#include <ws2spi.h>

typedef struct _PX {
    int fd;
    int last_errno;
} PX;

PX *px_get(SOCKET s);
int px_connect(int fd, const struct sockaddr *sa, int salen);

/* Library-facing helper: POSIX conventions are correct here. */
static int
px_dial(PX *px, const struct sockaddr *sa, int salen)
{
    if (px->fd < 0) {
        px->last_errno = EBADF;
        return -1;
    }
    if (px_connect(px->fd, sa, salen) != 0) {
        px->last_errno = errno;
        return -1;
    }
    return 0;
}

static int
wsa_from_errno(int e)
{
    switch (e) {
    case ECONNREFUSED: return WSAECONNREFUSED;
    case ETIMEDOUT:    return WSAETIMEDOUT;
    case ENETUNREACH:  return WSAENETUNREACH;
    case EADDRINUSE:   return WSAEADDRINUSE;
    case EINPROGRESS:
    case EWOULDBLOCK:  return WSAEWOULDBLOCK;
    case EALREADY:     return WSAEALREADY;
    case EISCONN:      return WSAEISCONN;
    case EAFNOSUPPORT: return WSAEAFNOSUPPORT;
    case ENOBUFS:      return WSAENOBUFS;
    case EBADF:        return WSAENOTSOCK;
    default:           return WSAENETDOWN;
    }
}

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    PX *px = px_get(s);

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);

    if (px == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (name == NULL || namelen < (int)sizeof(struct sockaddr)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (px_dial(px, name, namelen) != 0) {
        *lpErrno = wsa_from_errno(px->last_errno);
        return SOCKET_ERROR;
    }
    if (lpCalleeData != NULL)
        lpCalleeData->len = 0;
    return 0;
}
