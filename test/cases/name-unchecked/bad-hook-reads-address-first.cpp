// A redirecting LSP in the style of many public "proxifier" hooks: the
// destination address is read before anything is known about name or namelen.
#include <winsock2.h>
#include <ws2spi.h>

struct RedirectRules {
    int Find(ULONG ip, USHORT port, ULONG* newIp, USHORT* newPort) const;
};

struct Hook {
    WSPPROC_TABLE next;
    RedirectRules* rules;
};

Hook* TheHook();

int WSPAPI WSPConnect(SOCKET s, const struct sockaddr FAR* name, int namelen,
                      LPWSABUF lpCallerData, LPWSABUF lpCalleeData,
                      LPQOS lpSQOS, LPQOS lpGQOS, LPINT lpErrno)
{
    Hook* hook = TheHook();

    ULONG dstIp = ((sockaddr_in*)name)->sin_addr.S_un.S_addr; // expect: name-unchecked
    USHORT dstPort = ((sockaddr_in*)name)->sin_port;
    ULONG newIp = 0;
    USHORT newPort = 0;

    if (hook->rules->Find(dstIp, dstPort, &newIp, &newPort) == 0) {
        SOCKADDR_IN target = {};
        target.sin_family = AF_INET;
        target.sin_addr.s_addr = newIp;
        target.sin_port = newPort;
        return hook->next.lpWSPConnect(s, reinterpret_cast<const sockaddr*>(&target),
                                       sizeof(target), lpCallerData, lpCalleeData,
                                       lpSQOS, lpGQOS, lpErrno);
    }

    return hook->next.lpWSPConnect(s, name, namelen, lpCallerData, lpCalleeData,
                                   lpSQOS, lpGQOS, lpErrno);
}
