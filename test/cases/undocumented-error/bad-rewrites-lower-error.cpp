// A filtering LSP that "improves" the lower provider's refusal into an abort
// so that its UI can show a different message. WSAECONNABORTED is not a
// WSPConnect code.
#include <winsock2.h>
#include <ws2spi.h>
#include <atomic>

struct FilterSocket {
    SOCKET lowerSocket;
    LPWSPPROC_TABLE lower;
    std::atomic<int> attempts{0};
};

FilterSocket* FindFilterSocket(SOCKET s);
bool PolicyBlocks(const sockaddr* name, int namelen);

int WSPAPI FilterConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    FilterSocket* fs = FindFilterSocket(s);
    if (fs == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    fs->attempts++;
    int rc = fs->lower->lpWSPConnect(fs->lowerSocket, name, namelen, lpCallerData,
                                     lpCalleeData, lpSQOS, lpGQOS, lpErrno);
    if (rc == SOCKET_ERROR && *lpErrno == WSAECONNREFUSED && fs->attempts > 3) {
        *lpErrno = WSAECONNABORTED; // expect: undocumented-error
    }
    return rc;
}

extern "C" int WSPAPI WSPStartup(WORD version, LPWSPDATA data, LPWSAPROTOCOL_INFOW info,
                                 WSPUPCALLTABLE upcalls, LPWSPPROC_TABLE table)
{
    (void)version; (void)data; (void)info; (void)upcalls;
    table->lpWSPConnect = FilterConnect;
    return 0;
}
