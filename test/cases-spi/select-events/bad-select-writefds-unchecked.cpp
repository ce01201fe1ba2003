// The read set is tested, the write set is not: select() for readability alone
// passes writefds == NULL.
#include <winsock2.h>
#include <ws2spi.h>
#include <vector>
#include "pipe_provider.h"

int WSPAPI PipeSelect(int nfds, fd_set FAR* readfds, fd_set FAR* writefds,
                      fd_set FAR* exceptfds, const timeval FAR* timeout, LPINT lpErrno)
{
    (void)nfds;
    std::vector<pipe::Waiter> waiters;

    if (readfds != nullptr) {
        for (u_int i = 0; i < readfds->fd_count; ++i) {
            pipe::Endpoint* ep = pipe::Endpoint::From(readfds->fd_array[i]);
            if (!ep) {
                *lpErrno = WSAENOTSOCK;
                return SOCKET_ERROR;
            }
            waiters.push_back({ep, FD_READ});
        }
    }
    for (u_int i = 0; i < writefds->fd_count; ++i) { // expect: optional-null-deref
        pipe::Endpoint* ep = pipe::Endpoint::From(writefds->fd_array[i]);
        if (!ep) {
            *lpErrno = WSAENOTSOCK;
            return SOCKET_ERROR;
        }
        waiters.push_back({ep, FD_WRITE});
    }
    if (exceptfds != nullptr)
        FD_ZERO(exceptfds);

    DWORD ms = timeout ? timeout->tv_sec * 1000 + timeout->tv_usec / 1000 : INFINITE;
    int ready = pipe::WaitAny(waiters, ms, readfds, writefds);
    if (ready < 0) {
        *lpErrno = WSAEINTR;
        return SOCKET_ERROR;
    }
    return ready;
}

void PipeFillTable(LPWSPPROC_TABLE t)
{
    t->lpWSPSelect = PipeSelect;
}
