/* The overlapped path returns the pending code itself instead of SOCKET_ERROR
 * with the code in *lpErrno, mixing up the two halves of the convention. */
#include <winsock2.h>
#include <ws2spi.h>
#include "rdma.h"

int WSPAPI
WSPSendTo(
    SOCKET s,
    LPWSABUF lpBuffers,
    DWORD dwBufferCount,
    LPDWORD lpNumberOfBytesSent,
    DWORD dwFlags,
    const struct sockaddr FAR *lpTo,
    int iTolen,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID lpThreadId,
    LPINT lpErrno)
{
    struct rdma_socket *rs;
    struct send_request *req;

    rs = get_rdma_socket(s, lpErrno);
    if (rs == NULL)
        return SOCKET_ERROR;

    if (lpTo != NULL && iTolen < (int)sizeof(struct sockaddr_in)) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (dwFlags & MSG_OOB) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    req = alloc_send_request(rs, lpBuffers, dwBufferCount, lpTo, iTolen);
    if (req == NULL) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }

    if (lpOverlapped == NULL) {
        if (!post_send_and_wait(rs, req)) {
            *lpErrno = WSAECONNRESET;
            return SOCKET_ERROR;
        }
        *lpNumberOfBytesSent = req->length;
        free_send_request(req);
        return 0;
    }

    req->overlapped = lpOverlapped;
    req->completion = lpCompletionRoutine;
    req->thread = *lpThreadId;
    lpOverlapped->Internal = WSS_OPERATION_IN_PROGRESS;
    post_send(rs, req);
    *lpErrno = WSA_IO_PENDING;
    return WSA_IO_PENDING; /* expect: bad-return-value */
}
