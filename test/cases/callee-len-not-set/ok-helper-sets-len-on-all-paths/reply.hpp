#pragma once
#include <winsock2.h>
#include <vector>

namespace sdp {

// Copies the peer's private data into callee and always sets callee->len
// (0 when there is none). Defined in reply.cpp.
void ReturnPrivateData(const std::vector<char>& privateData, LPWSABUF callee);

}
