/*
 * Destination bookkeeping and the block list.
 */
#include "lspdef.h"

BLOCK_RULE gRules[MAX_BLOCK_RULES];
int        gRuleCount = 0;

//
// Remembers where the application is connecting to; the block decision and
// the statistics use the saved copy.
//
void
SaveDestination(
    SOCK_INFO             *info,
    const struct sockaddr *name,
    int                    namelen
    )
{
    info->DestinationLen = namelen;
    memcpy( &info->Destination, name, namelen );
}

BOOL
IsBlockedDestination(
    const SOCK_INFO *info
    )
{
    const SOCKADDR_IN *sin;
    int i;

    if ( info->Destination.ss_family != AF_INET )
        return FALSE;

    sin = (const SOCKADDR_IN *) &info->Destination;
    for ( i = 0; i < gRuleCount; i++ )
    {
        if ( ( sin->sin_addr.s_addr & gRules[i].Mask ) == gRules[i].Address &&
             ( gRules[i].Port == 0 || gRules[i].Port == sin->sin_port ) )
        {
            return TRUE;
        }
    }
    return FALSE;
}

BOOL
LoadBlockRules(
    void
    )
{
    HKEY  key;
    DWORD size = sizeof( gRules );

    if ( ERROR_SUCCESS != RegOpenKeyExW( HKEY_LOCAL_MACHINE, L"SOFTWARE\\SampleLsp", 0,
                                         KEY_READ, &key ) )
        return FALSE;

    if ( ERROR_SUCCESS != RegQueryValueExW( key, L"Rules", NULL, NULL, (LPBYTE) gRules, &size ) )
    {
        RegCloseKey( key );
        return FALSE;
    }
    gRuleCount = (int)( size / sizeof( BLOCK_RULE ) );
    RegCloseKey( key );
    return TRUE;
}
