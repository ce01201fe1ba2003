// Functions that look like connect code but are not connect entries: the
// POSIX emulation layer's connect(), the WSPSend entry and an ioctl handler.
// They use errno names, raw numbers and Win32 codes freely.
#include <cerrno>
#include <winsock2.h>
#include <ws2spi.h>

namespace emu {

int connect(int fd, const sockaddr* addr, int len, int* err)
{
    if (fd < 0) { *err = EBADF; return -1; }
    if (addr == nullptr || len <= 0) { *err = EFAULT; return -1; }
    *err = ECONNREFUSED;
    return -1;
}

} // namespace emu

int WSPAPI EmuSend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
                   LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
                   LPWSAOVERLAPPED lpOverlapped,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                   LPWSATHREADID lpThreadId, LPINT lpErrno)
{
    (void)s; (void)lpBuffers; (void)dwBufferCount; (void)dwFlags;
    (void)lpOverlapped; (void)lpCompletionRoutine; (void)lpThreadId;
    *lpNumberOfBytesSent = 0;
    *lpErrno = EPIPE;
    return SOCKET_ERROR;
}

int WSPAPI EmuIoctl(SOCKET s, DWORD code, LPVOID in, DWORD inLen, LPVOID out, DWORD outLen,
                    LPDWORD returned, LPWSAOVERLAPPED ov,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE cr, LPWSATHREADID tid, LPINT lpErrno)
{
    (void)s; (void)code; (void)in; (void)inLen; (void)out; (void)outLen;
    (void)returned; (void)ov; (void)cr; (void)tid;
    *lpErrno = ERROR_NOT_SUPPORTED;
    return 10045;
}

void EmuInstall(LPWSPPROC_TABLE table)
{
    table->lpWSPSend  = EmuSend;
    table->lpWSPIoctl = EmuIoctl;
}
