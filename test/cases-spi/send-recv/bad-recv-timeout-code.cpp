// A user-mode transport whose receive path honours SO_RCVTIMEO and reports the
// expiry the way BSD sockets do. WSAETIMEDOUT is not among LPWSPRecv's codes.
#include <winsock2.h>
#include <ws2spi.h>
#include <chrono>
#include <mutex>
#include <condition_variable>
#include <deque>
#include <vector>

namespace shm {

struct Endpoint {
    std::mutex lock;
    std::condition_variable readable;
    std::deque<std::vector<char>> queue;
    bool connected = false;
    bool peerClosed = false;
    DWORD recvTimeoutMs = 0;
};

Endpoint* Lookup(SOCKET s);

class Transport {
public:
    static int WSPAPI WSPRecv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                              LPDWORD flags, LPWSAOVERLAPPED overlapped,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE completion,
                              LPWSATHREADID thread, LPINT err);
};

int WSPAPI Transport::WSPRecv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                              LPDWORD flags, LPWSAOVERLAPPED overlapped,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE completion,
                              LPWSATHREADID thread, LPINT err)
{
    (void)thread;
    Endpoint* ep = Lookup(s);
    if (ep == nullptr) {
        *err = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (overlapped != nullptr || completion != nullptr) {
        // This transport has no overlapped support.
        *err = WSAEINVAL;
        return SOCKET_ERROR;
    }

    std::unique_lock<std::mutex> guard(ep->lock);
    if (!ep->connected) {
        *err = WSAENOTCONN;
        return SOCKET_ERROR;
    }
    if (ep->recvTimeoutMs != 0) {
        if (!ep->readable.wait_for(guard, std::chrono::milliseconds(ep->recvTimeoutMs),
                                   [ep] { return !ep->queue.empty() || ep->peerClosed; })) {
            *err = WSAETIMEDOUT; // expect: undocumented-error
            return SOCKET_ERROR;
        }
    } else {
        ep->readable.wait(guard, [ep] { return !ep->queue.empty() || ep->peerClosed; });
    }

    if (ep->queue.empty()) {
        *received = 0;          // graceful close: zero bytes
        *flags = 0;
        return 0;
    }

    std::vector<char>& msg = ep->queue.front();
    size_t done = 0;
    for (DWORD i = 0; i < count && done < msg.size(); ++i) {
        size_t n = std::min<size_t>(buffers[i].len, msg.size() - done);
        std::copy_n(msg.data() + done, n, buffers[i].buf);
        done += n;
    }
    ep->queue.pop_front();
    *received = static_cast<DWORD>(done);
    *flags = 0;
    return 0;
}

} // namespace shm
