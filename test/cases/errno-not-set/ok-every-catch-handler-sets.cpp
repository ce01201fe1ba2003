// Every catch handler stores a code before returning.
#include <winsock2.h>
#include <ws2spi.h>
#include <new>
#include <system_error>
#include <vector>

struct Batch {
    SOCKET lower;
    LPWSPPROC_TABLE next;
    std::vector<char> pending;
};

Batch* BatchFor(SOCKET s);

int WSPAPI BatchConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                        LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                        LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Batch* b = BatchFor(s);
    if (b == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    try {
        b->pending.reserve(64 * 1024);
    } catch (const std::bad_alloc&) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    } catch (const std::system_error&) {
        *lpErrno = WSAENETDOWN;
        return SOCKET_ERROR;
    } catch (...) {
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }
    return b->next->lpWSPConnect(b->lower, name, namelen, lpCallerData, lpCalleeData,
                                 lpSQOS, lpGQOS, lpErrno);
}

void BatchInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = BatchConnect; }
