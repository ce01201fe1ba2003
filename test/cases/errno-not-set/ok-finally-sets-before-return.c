/*
 * A layered provider that takes its socket context under __try and does
 * its bookkeeping in __finally: an early `return SOCKET_ERROR` inside the
 * __try leaves through the __finally block, which stores the error code
 * it was given and releases the context.
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
    int   err = NO_ERROR;

    __try {
        ctx = LctxAcquire(s);
        if (ctx == NULL) {
            err = WSAENOTSOCK;
            return SOCKET_ERROR;
        }
        return ctx->Next->lpWSPConnect(ctx->Lower, name, namelen, lpCallerData,
                                       lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    }
    __finally {
        if (err != NO_ERROR) {
            *lpErrno = err;
        }
        if (ctx != NULL) {
            LctxRelease(ctx);
        }
    }
}
