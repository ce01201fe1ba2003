/* The lookup helper returns the address of the matching table element from
 * inside the loop, and stores the code only when it falls off the end. An
 * address of an array element is never NULL, so the caller's NULL branch is
 * reached only through the store. */
#include <winsock2.h>
#include <ws2spi.h>

typedef struct _PROVIDER {
    WSAPROTOCOL_INFOW NextProvider;
    WSPPROC_TABLE     NextProcTable;
} PROVIDER;

extern PROVIDER *gBaseInfo;
extern INT       gLayerCount;

static PROVIDER *
FindMatchingProvider(LPWSAPROTOCOL_INFOW lpProtocolInfo, LPINT lpErrno)
{
    INT i;

    for (i = 0; i < gLayerCount; i++)
    {
        if (gBaseInfo[i].NextProvider.iAddressFamily == lpProtocolInfo->iAddressFamily &&
            gBaseInfo[i].NextProvider.iProtocol == lpProtocolInfo->iProtocol)
            return &gBaseInfo[i];
    }
    *lpErrno = WSAEINVAL;
    return NULL;
}

int WSPAPI
WSPAddressToString(
    LPSOCKADDR          lpsaAddress,
    DWORD               dwAddressLength,
    LPWSAPROTOCOL_INFOW lpProtocolInfo,
    LPWSTR              lpszAddressString,
    LPDWORD             lpdwAddressStringLength,
    LPINT               lpErrno)
{
    PROVIDER *Provider = FindMatchingProvider(lpProtocolInfo, lpErrno);

    if (Provider == NULL)
        return SOCKET_ERROR;
    return Provider->NextProcTable.lpWSPAddressToString(lpsaAddress, dwAddressLength,
            &Provider->NextProvider, lpszAddressString, lpdwAddressStringLength, lpErrno);
}
