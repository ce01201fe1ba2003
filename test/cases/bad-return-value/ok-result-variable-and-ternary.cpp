// The result is computed into a variable that only ever holds NO_ERROR or
// SOCKET_ERROR, and a ternary that yields one of the two.
#include <winsock2.h>
#include <ws2spi.h>

struct Vc {
    bool open;
    bool listening;
    int Dial(const sockaddr* to, int len);
};

Vc* VcFor(SOCKET s);

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    (void)lpCallerData; (void)lpSQOS; (void)lpGQOS;
    int rc = NO_ERROR;

    Vc* vc = VcFor(s);
    if (vc == nullptr) {
        *lpErrno = WSAENOTSOCK;
        rc = SOCKET_ERROR;
    } else if (vc->listening) {
        *lpErrno = WSAEINVAL;
        rc = SOCKET_ERROR;
    } else if (name == nullptr || namelen < static_cast<int>(sizeof(sockaddr))) {
        *lpErrno = WSAEFAULT;
        rc = SOCKET_ERROR;
    }
    if (rc != NO_ERROR)
        return rc;

    if (vc->Dial(name, namelen) != 0) {
        *lpErrno = WSAECONNREFUSED;
        rc = SOCKET_ERROR;
    } else {
        vc->open = true;
        if (lpCalleeData != nullptr)
            lpCalleeData->len = 0;
    }
    return rc == NO_ERROR ? NO_ERROR : SOCKET_ERROR;
}
