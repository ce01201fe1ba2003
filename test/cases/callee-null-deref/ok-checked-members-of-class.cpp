// A C++ provider that checks the optional buffers through helper predicates
// written as lambdas, and copies the caller data into a std::string only when
// present.
#include <winsock2.h>
#include <ws2spi.h>
#include <string>

class Negotiator {
public:
    static int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno);
private:
    struct State { SOCKET lower; LPWSPPROC_TABLE next; std::string offer; ULONG room; };
    static State* Find(SOCKET s);
};

int WSPAPI Negotiator::WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                  LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                  LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    State* st = Find(s);
    if (st == nullptr) {
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    if (lpCallerData != nullptr && lpCallerData->buf != nullptr)
        st->offer.assign(lpCallerData->buf, lpCallerData->len);
    else
        st->offer.clear();

    st->room = lpCalleeData ? lpCalleeData->len : 0;

    if (lpSQOS != nullptr && lpSQOS->ProviderSpecific.len != 0) {
        *lpErrno = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }

    return st->next->lpWSPConnect(st->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}
