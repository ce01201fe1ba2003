// The "connection refused" literal was written as its number. Even though
// 10061 is WSAECONNREFUSED's value, a raw number hides the intent and breaks
// any search for the code; the contract speaks in names.
#include <winsock2.h>
#include <ws2spi.h>

class Gate {
public:
    static int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
private:
    static bool Allowed(SOCKET s);
    static WSPPROC_TABLE next_;
};

WSPPROC_TABLE Gate::next_;

int WSPAPI Gate::WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                            LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                            LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    if (!Allowed(s)) {
        *lpErrno = 10061; // expect: non-wsa-error
        return SOCKET_ERROR;
    }
    return next_.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                              lpSQOS, lpGQOS, lpErrno);
}
