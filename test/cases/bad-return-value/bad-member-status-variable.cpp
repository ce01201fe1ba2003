// Static member installed with &Class::Member. The result variable is set to
// 1 ("pending") on the asynchronous path and returned as is.
#include <winsock2.h>
#include <ws2spi.h>

class AsyncConnector {
public:
    static int WSPAPI Start(SOCKET s, const sockaddr FAR* to, int tolen,
                            LPWSABUF in, LPWSABUF out, LPQOS sq, LPQOS gq, LPINT err);
    static void Install(WSPPROC_TABLE* t) { t->lpWSPConnect = &AsyncConnector::Start; }

private:
    struct Op { SOCKET lower; bool async; };
    static Op* OpFor(SOCKET s);
    static bool Begin(Op* op, const sockaddr* to, int tolen);
};

int WSPAPI AsyncConnector::Start(SOCKET s, const sockaddr FAR* to, int tolen,
                                 LPWSABUF in, LPWSABUF out, LPQOS sq, LPQOS gq, LPINT err)
{
    (void)gq;
    int result = SOCKET_ERROR;

    Op* op = OpFor(s);
    if (op == nullptr) {
        *err = WSAENOTSOCK;
        return result;
    }
    if (in != nullptr || sq != nullptr) {
        *err = WSAEOPNOTSUPP;
        return result;
    }
    if (to == nullptr || tolen < static_cast<int>(sizeof(sockaddr_in))) {
        *err = WSAEFAULT;
        return result;
    }
    if (!Begin(op, to, tolen)) {
        *err = WSAECONNREFUSED;
        return result;
    }

    if (out != nullptr)
        out->len = 0;

    if (op->async) {
        result = 1;
    } else {
        result = 0;
    }
    return result; // expect: bad-return-value
}
