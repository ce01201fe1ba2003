// A template-based provider: the connect entry is a static member of a class
// template instantiated for one transport. The success value is kept in a
// variable; no path writes the connect-data length.
#include <winsock2.h>
#include <ws2spi.h>

template <typename Transport>
class BaseProvider {
public:
    static int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
    {
        (void)lpSQOS; (void)lpGQOS; (void)lpCalleeData;
        int result = 0;

        typename Transport::Endpoint* ep = Transport::Find(s);
        if (ep == nullptr) {
            *lpErrno = WSAENOTSOCK;
            return SOCKET_ERROR;
        }
        if (lpCallerData != nullptr && lpCallerData->len > Transport::kMaxConnectData) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        if (name == nullptr || namelen < Transport::kMinAddrLen) {
            *lpErrno = WSAEFAULT;
            return SOCKET_ERROR;
        }
        if (!Transport::Dial(ep, name, namelen, lpCallerData)) {
            *lpErrno = WSAECONNREFUSED;
            result = SOCKET_ERROR;
        }
        return result; // expect: callee-len-not-set
    }
};

struct PipeTransport {
    struct Endpoint { HANDLE pipe; };
    static const ULONG kMaxConnectData = 512;
    static const int kMinAddrLen = sizeof(SOCKADDR_IN);
    static Endpoint* Find(SOCKET s);
    static bool Dial(Endpoint* ep, const sockaddr* to, int tolen, LPWSABUF data);
};

void InstallPipeProvider(LPWSPPROC_TABLE table)
{
    table->lpWSPConnect = &BaseProvider<PipeTransport>::WSPConnect;
}
