#include "errmap.hpp"

namespace wd {

int ConnectErrorFor(CmStatus status)
{
    switch (status) {
    case CmStatus::Rejected:    return WSAECONNREFUSED;
    case CmStatus::Timeout:     return WSAETIMEDOUT;
    case CmStatus::NoRoute:
    case CmStatus::Unreachable: return WSAENETUNREACH;
    case CmStatus::NoResources: return WSAENOBUFS;
    case CmStatus::Pending:     return WSAEWOULDBLOCK;
    case CmStatus::Ok:
    default:                    return WSAENETDOWN;
    }
}

} // namespace wd
