#include "reply.hpp"
#include <algorithm>
#include <cstring>

namespace sdp {

void ReturnPrivateData(const std::vector<char>& privateData, LPWSABUF callee)
{
    if (callee == nullptr)
        return;
    if (privateData.empty()) {
        callee->len = 0;
        return;
    }
    const ULONG n = std::min(callee->len, static_cast<ULONG>(privateData.size()));
    std::memcpy(callee->buf, privateData.data(), n);
    callee->len = n;
}

} // namespace sdp
