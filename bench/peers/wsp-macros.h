// Macros Coccinelle should treat as empty when it parses provider code (calling conventions, SAL).
#define WSPAPI
#define WSAAPI
#define FAR
#define IN
#define OUT
#define _In_
#define _Out_
#define _Inout_
#define _In_opt_
#define _Out_opt_
#define _Inout_opt_
#define _In_reads_bytes_(x)
#define _Out_writes_bytes_(x)
#define _Out_writes_bytes_opt_(x)
#define UNREFERENCED_PARAMETER(x)
