#ifndef CDATA_H
#define CDATA_H
#include <ws2spi.h>

typedef struct _VC_CONN {
    HANDLE Link;
    CHAR   Reply[128];
    ULONG  ReplyLen;
    BOOL   Open;
} VC_CONN;

/* Copies the peer's reply into Callee (cdata.c). */
VOID VcReturnConnectData(VC_CONN *Conn, LPWSABUF Callee);

VC_CONN *VcFromSocket(SOCKET s);
BOOL     VcOpen(VC_CONN *Conn, const struct sockaddr *To, INT ToLen);

#endif
