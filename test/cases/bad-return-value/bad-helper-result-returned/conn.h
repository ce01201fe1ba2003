#ifndef CONN_H
#define CONN_H
#include <ws2spi.h>

#define CONN_IDLE    0
#define CONN_PENDING 1
#define CONN_OPEN    2

typedef struct _CONN {
    HANDLE Handle;
    int    State;
} CONN;

CONN *ConnFromSocket(SOCKET s);
NTSTATUS ConnStart(CONN *c, const struct sockaddr *to, int tolen);
int CompleteConnect(CONN *c, NTSTATUS status, LPINT lpErrno);

#endif
