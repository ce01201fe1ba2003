/* The lower provider is started on first use, inside the condition:
 * "StartupCount == 0 && InitializeProvider(..., lpErrno) == SOCKET_ERROR".
 * InitializeProvider (in another module) sets *lpErrno when it fails, so the
 * jump to cleanup always has a code. */
#include <winsock2.h>
#include <ws2spi.h>

typedef struct _PROVIDER {
    WSAPROTOCOL_INFOW NextProvider;
    WSPPROC_TABLE     NextProcTable;
    INT               StartupCount;
} PROVIDER;

extern WSPUPCALLTABLE gMainUpCallTable;

/* provider.c: 0, or SOCKET_ERROR with *lpErrno set. */
int InitializeProvider(PROVIDER *provider, WORD wVersion, LPWSAPROTOCOL_INFOW lpProtocolInfo,
                       WSPUPCALLTABLE UpCallTable, LPINT lpErrno);
/* provider.c: NULL with *lpErrno = WSAEINVAL when no lower provider serves lpProtocolInfo. */
PROVIDER *FindMatchingProvider(LPWSAPROTOCOL_INFOW lpProtocolInfo, LPINT lpErrno);

int WSPAPI
WSPStringToAddress(
    LPWSTR              AddressString,
    INT                 AddressFamily,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    LPSOCKADDR          lpAddress,
    LPINT               lpAddressLength,
    LPINT               lpErrno)
{
    PROVIDER *Provider;
    INT       ret = SOCKET_ERROR;

    Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);
    if (Provider == NULL)
        goto cleanup;

    if (Provider->StartupCount == 0 &&
        InitializeProvider(Provider, MAKEWORD(2, 2), lpProtocolInfo, gMainUpCallTable, lpErrno) == SOCKET_ERROR)
        goto cleanup;

    ret = Provider->NextProcTable.lpWSPStringToAddress(AddressString, AddressFamily,
            &Provider->NextProvider, lpAddress, lpAddressLength, lpErrno);

cleanup:
    return ret;
}
