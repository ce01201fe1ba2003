// The LSP reads the lower provider's error and retries on a refusal. Comparing
// *lpErrno with undocumented codes and switching on it are reads, not stores.
#include <winsock2.h>
#include <ws2spi.h>

struct RetrySocket {
    SOCKET lower;
    WSPPROC_TABLE* next;
    int retries;
};

RetrySocket* RetryLookup(SOCKET s);
void Backoff(int attempt);

int WSPAPI RetryConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                        LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                        LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    RetrySocket* rs = RetryLookup(s);
    if (rs == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    int rc;
    int attempt = 0;
    do {
        rc = rs->next->lpWSPConnect(rs->lower, name, namelen, lpCallerData, lpCalleeData,
                                    lpSQOS, lpGQOS, lpErrno);
        if (rc != SOCKET_ERROR)
            break;
        switch (*lpErrno) {
        case WSAECONNRESET:
        case WSAEHOSTUNREACH:
        case WSAECONNREFUSED:
            Backoff(attempt);
            continue;
        default:
            break;
        }
        if (*lpErrno != WSAECONNABORTED)
            break;
    } while (++attempt <= rs->retries);
    return rc;
}

void PatchTable(WSPPROC_TABLE* t) { t->lpWSPConnect = RetryConnect; }
