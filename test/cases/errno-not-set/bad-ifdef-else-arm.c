/*
 * QoS is only supported in builds with LSP_WITH_QOS. The other build logs the
 * request and fails the connect, but that arm forgets the error code. Both
 * arms are compiled in somebody's build, so both are analysed.
 */
#include <ws2spi.h>

typedef struct _LSP_CTX {
    SOCKET          Lower;
    WSPPROC_TABLE  *Next;
} LSP_CTX;

LSP_CTX *CtxFromSocket(SOCKET s);
void LspLog(const char *fmt, ...);
#ifdef LSP_WITH_QOS
int QosReserve(LSP_CTX *ctx, LPQOS lpSQOS);
#endif

int WSPAPI
WSPConnect(
    __in SOCKET s,
    __in_bcount(namelen) const struct sockaddr *name,
    __in int namelen,
    __in_opt LPWSABUF lpCallerData,
    __out_opt LPWSABUF lpCalleeData,
    __in_opt LPQOS lpSQOS,
    __reserved LPQOS lpGQOS,
    __out LPINT lpErrno
    )
{
    LSP_CTX *ctx = CtxFromSocket(s);

    if (ctx == NULL) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpSQOS != NULL) {
#ifdef LSP_WITH_QOS
        if (QosReserve(ctx, lpSQOS) != 0) {
            *lpErrno = WSAEOPNOTSUPP;
            return SOCKET_ERROR;
        }
#else
        LspLog("WSPConnect: QoS requested on socket %p but not built in\n", (void *)s);
        return SOCKET_ERROR; /* expect: errno-not-set */
#endif
    }

    return ctx->Next->lpWSPConnect(ctx->Lower, name, namelen, lpCallerData,
                                   lpCalleeData, NULL, lpGQOS, lpErrno);
}
