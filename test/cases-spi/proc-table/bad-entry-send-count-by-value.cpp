// lpNumberOfBytesSent declared as a DWORD instead of LPDWORD: the parameter
// count matches LPWSPSEND, so the reinterpret_cast compiles, and every send
// writes its byte count into a copy.
#include <winsock2.h>
#include <ws2spi.h>
#include "ring_provider.h"

namespace ring {

int WSPAPI SendImpl(SOCKET s, LPWSABUF buffers, DWORD count, DWORD bytesSent,
                    DWORD flags, LPWSAOVERLAPPED ov,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE done, LPWSATHREADID thread,
                    LPINT err)
{
    (void)thread;
    Connection* c = Registry::Instance().Lookup(s);
    if (!c) {
        *err = WSAENOTSOCK;
        return SOCKET_ERROR;
    }
    if (ov || done) {
        *err = WSAEINVAL;
        return SOCKET_ERROR;
    }
    if (flags & MSG_OOB) {
        *err = WSAEOPNOTSUPP;
        return SOCKET_ERROR;
    }
    bytesSent = c->Write(buffers, count);
    (void)bytesSent;
    return 0;
}

void InstallData(WSPPROC_TABLE& table)
{
    table.lpWSPSend = reinterpret_cast<LPWSPSEND>(&SendImpl); // expect: proc-entry-signature
}

} // namespace ring
