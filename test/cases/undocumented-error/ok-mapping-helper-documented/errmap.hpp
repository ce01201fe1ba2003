// Error translation for the connect path only.
#pragma once
#include <winsock2.h>

namespace wd {

enum class CmStatus { Ok, Rejected, Timeout, NoRoute, NoResources, Unreachable, Pending };

int ConnectErrorFor(CmStatus status);

template <typename Err>
inline int FailWith(Err* err, int code)
{
    if (err != nullptr)
        *err = code;
    return SOCKET_ERROR;
}

} // namespace wd
