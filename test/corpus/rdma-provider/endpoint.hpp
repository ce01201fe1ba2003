// endpoint.hpp - Network Direct style provider: endpoints and the connection
// manager interface.
#pragma once

#include <winsock2.h>
#include <ws2ipdef.h>
#include <atomic>
#include <cstdint>

namespace nd {

enum class CmStatus { Ok, Pending, Rejected, Unreachable, Timeout, Stale, NoResources };

struct PrivateData {
    unsigned char bytes[196];
    unsigned long length;
};

struct Qp;

struct Endpoint {
    enum class State { Created, Bound, Listening, Connecting, Connected, Closed };

    std::atomic<long> refs{1};
    State state = State::Created;
    bool nonBlocking = false;
    int family = AF_INET;
    SOCKADDR_INET local{};
    SOCKADDR_INET peer{};
    Qp* qp = nullptr;
    PrivateData rep{};

    bool CreateQp();
    void Release() { if (--refs == 0) delete this; }
};

// Keeps a reference on an endpoint for the duration of a call.
template <typename T>
class Ref {
public:
    explicit Ref(T* p) : p_(p) {}
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;
    ~Ref() { if (p_) p_->Release(); }
    T* operator->() const { return p_; }
    T& operator*() const { return *p_; }
    explicit operator bool() const { return p_ != nullptr; }
private:
    T* p_;
};

Endpoint* LookupEndpoint(SOCKET s);

namespace cm {

CmStatus Connect(Endpoint& ep, const SOCKADDR_INET& to, const void* priv, unsigned long privLen,
                 PrivateData* rep);
int ToWinsock(CmStatus st);

} // namespace cm
} // namespace nd
