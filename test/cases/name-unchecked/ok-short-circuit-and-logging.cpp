// The address is only read inside a condition whose earlier operands check
// name and namelen; it is logged through WSAAddressToStringA (which validates
// the length itself) rather than read directly.
#include <winsock2.h>
#include <ws2spi.h>

struct Logged { SOCKET lower; LPWSPPROC_TABLE next; bool verbose; };
Logged* LoggedFor(SOCKET s);
void LogLine(const char* text);

int WSPAPI LoggedConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                         LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                         LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Logged* lg = LoggedFor(s);
    if (lg == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lg->verbose) {
        char text[64];
        DWORD len = sizeof(text);
        if (WSAAddressToStringA(const_cast<LPSOCKADDR>(name), namelen, nullptr, text, &len) == 0)
            LogLine(text);
    }

    if (name != nullptr && namelen >= static_cast<int>(sizeof(SOCKADDR_IN))
        && name->sa_family == AF_INET
        && reinterpret_cast<const SOCKADDR_IN*>(name)->sin_addr.s_addr == INADDR_ANY) {
        *lpErrno = WSAEADDRNOTAVAIL;
        return SOCKET_ERROR;
    }

    return lg->next->lpWSPConnect(lg->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}

void LoggedInstall(LPWSPPROC_TABLE t) { t->lpWSPConnect = LoggedConnect; }
