/*
 * The same shape as a provider whose __finally block only releases the
 * socket context: the early failure return inside __try leaves through it
 * without any error code stored.
 */
#include <ws2spi.h>

typedef struct _LCTX {
    SOCKET          Lower;
    LPWSPPROC_TABLE Next;
    LONG            Refs;
} LCTX;

LCTX *LctxAcquire(SOCKET s);
void  LctxRelease(LCTX *ctx);

int WSPAPI
WSPConnect(SOCKET s, const struct sockaddr FAR *name, int namelen,
           LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS,
           LPQOS lpGQOS, LPINT lpErrno)
{
    LCTX *ctx = NULL;

    __try {
        ctx = LctxAcquire(s);
        if (ctx == NULL) {
            return SOCKET_ERROR; /* expect: errno-not-set */
        }
        return ctx->Next->lpWSPConnect(ctx->Lower, name, namelen, lpCallerData,
                                       lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    }
    __finally {
        if (ctx != NULL) {
            LctxRelease(ctx);
        }
    }
}
