/*
 * Decides whether a destination is proxied. It saves the destination with the
 * caller's length and reads its family, trusting both.
 */
#include "lspdef.h"

void
FindDestinationAddress(
    SOCKET_CONTEXT *context,
    const SOCKADDR *destAddr,
    int             destLen,
    SOCKADDR      **proxyAddr,
    int            *proxyLen
    )
{
    context->AddressLength = destLen;
    memcpy( &context->OriginalAddress, destAddr, context->AddressLength );

    *proxyAddr = (SOCKADDR *) &context->OriginalAddress;
    *proxyLen  = context->AddressLength;

    if ( destAddr->sa_family == AF_INET )
    {
        const SOCKADDR_IN *sin = (const SOCKADDR_IN *) destAddr;
        if ( sin->sin_port == htons( 80 ) )
        {
            memcpy( &context->ProxiedAddress, destAddr, sizeof( SOCKADDR_IN ) );
            ( (SOCKADDR_IN *) &context->ProxiedAddress )->sin_port = htons( 8080 );
            *proxyAddr = (SOCKADDR *) &context->ProxiedAddress;
            context->Proxied = TRUE;
        }
    }
}
