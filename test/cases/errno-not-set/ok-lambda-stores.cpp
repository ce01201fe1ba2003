// Failures go through lambdas that store the code; one captures by reference,
// one by value, one guards the pointer.
#include <winsock2.h>
#include <ws2spi.h>
#include <functional>

struct Channel {
    SOCKET lower;
    WSPPROC_TABLE* next;
    bool closing;
    bool qos;
};

Channel* ChannelFor(SOCKET s);

static int WSPAPI ChannelConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                                 LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                                 LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    auto reject = [&](int code) -> int {
        *lpErrno = code;
        return SOCKET_ERROR;
    };
    auto setError = [lpErrno](int code) {
        if (lpErrno != nullptr)
            *lpErrno = code;
    };
    std::function<int()> notSocket = [=]() { *lpErrno = WSAENOTSOCK; return SOCKET_ERROR; };

    Channel* ch = ChannelFor(s);
    if (ch == nullptr)
        return notSocket();

    if (ch->closing) {
        setError(WSAENETDOWN);
        return SOCKET_ERROR;
    }

    if (lpSQOS != nullptr && !ch->qos)
        return reject(WSAEOPNOTSUPP);

    return ch->next->lpWSPConnect(ch->lower, name, namelen, lpCallerData, lpCalleeData,
                                  lpSQOS, lpGQOS, lpErrno);
}

void InstallChannel(LPWSPPROC_TABLE table)
{
    table->lpWSPConnect = ChannelConnect;
}
