#include "cdata.h"

VOID
VcReturnConnectData(VC_CONN *Conn, LPWSABUF Callee)
{
    ULONG n;

    if (Callee == NULL || Conn->ReplyLen == 0)
        return;

    n = Conn->ReplyLen;
    if (n > Callee->len)
        n = Callee->len;
    CopyMemory(Callee->buf, Conn->Reply, n);
    Callee->len = n;
}
