/* An IFS layer: its sockets are the base provider's own handles, so the
 * application's handle is the lower socket and goes down as it is. Nothing
 * here looks a context up for s. */
#include <winsock2.h>
#include <ws2spi.h>

extern WSPPROC_TABLE gNextProcTable;
extern volatile LONG gSendCalls;

int WSPAPI
IfsSend(
    SOCKET          s,
    LPWSABUF        lpBuffers,
    DWORD           dwBufferCount,
    LPDWORD         lpNumberOfBytesSent,
    DWORD           dwFlags,
    LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
    LPWSATHREADID   lpThreadId,
    LPINT           lpErrno)
{
    InterlockedIncrement(&gSendCalls);
    return gNextProcTable.lpWSPSend(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
                                    dwFlags, lpOverlapped, lpCompletionRoutine,
                                    lpThreadId, lpErrno);
}

int WSPAPI
IfsShutdown(SOCKET s, int how, LPINT lpErrno)
{
    return gNextProcTable.lpWSPShutdown(s, how, lpErrno);
}

void
IfsPatchProcTable(LPWSPPROC_TABLE lpProcTable)
{
    /* Everything else stays the base provider's entry. */
    lpProcTable->lpWSPSend = IfsSend;
    lpProcTable->lpWSPShutdown = IfsShutdown;
}
