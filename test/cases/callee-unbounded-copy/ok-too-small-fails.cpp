// When the reply does not fit, the provider fails with WSAEFAULT ("the buffer
// length for lpCalleeData is too small") instead of copying.
#include <winsock2.h>
#include <ws2spi.h>
#include <cstring>
#include <vector>

struct Peer {
    std::vector<char> reply;
    int Dial(const sockaddr* to, int tolen);
};

Peer* PeerFor(SOCKET s);

int WSPAPI PeerConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                       LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                       LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;

    Peer* p = PeerFor(s);
    if (!p) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (!name || namelen < static_cast<int>(sizeof(sockaddr))) {
        *lpErrno = WSAEFAULT;
        return SOCKET_ERROR;
    }
    if (p->Dial(name, namelen) != 0) {
        *lpErrno = WSAECONNREFUSED;
        return SOCKET_ERROR;
    }

    if (lpCalleeData != nullptr) {
        const ULONG need = static_cast<ULONG>(p->reply.size());
        if (need > lpCalleeData->len) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        std::memcpy(lpCalleeData->buf, p->reply.data(), need);
        lpCalleeData->len = need;
    }
    return 0;
}

void PeerInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = PeerConnect; }
