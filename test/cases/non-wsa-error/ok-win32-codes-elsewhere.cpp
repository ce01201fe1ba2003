// Win32 error names are used for SetLastError and for the installer's
// registry calls; the connect entry stores only Winsock codes.
#include <windows.h>
#include <ws2spi.h>
#include <new>

struct Pending { SOCKET lower; };

struct Layer {
    SOCKET lower;
    LPWSPPROC_TABLE next;
};

Layer* LayerFor(SOCKET s);

static DWORD ReadConfig(HKEY key)
{
    DWORD type = 0, value = 0, size = sizeof(value);
    LONG st = RegQueryValueExW(key, L"Enabled", nullptr, &type,
                               reinterpret_cast<BYTE*>(&value), &size);
    if (st != ERROR_SUCCESS)
        return ERROR_FILE_NOT_FOUND;
    return type == REG_DWORD ? ERROR_SUCCESS : ERROR_INVALID_DATA;
}

int WSPAPI LayerConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                        LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                        LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Layer* layer = LayerFor(s);
    if (layer == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        *lpErrno = WSAENOTSOCK;
        return SOCKET_ERROR;
    }

    Pending* p = new (std::nothrow) Pending{ layer->lower };
    if (p == nullptr) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        *lpErrno = WSAENOBUFS;
        return SOCKET_ERROR;
    }
    delete p;

    DWORD status = ReadConfig(HKEY_LOCAL_MACHINE);
    (void)status;
    return layer->next->lpWSPConnect(layer->lower, name, namelen, lpCallerData, lpCalleeData,
                                     lpSQOS, lpGQOS, lpErrno);
}

void InstallLayer(LPWSPPROC_TABLE t) { t->lpWSPConnect = LayerConnect; }
