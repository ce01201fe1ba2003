/**
 * Macro names that decorate declarations in real provider code and that tree-sitter cannot parse
 * without their definitions. They are blanked (replaced by spaces, length-preserving) before parsing
 * so that every position in the tree is the position in the user's file.
 */

/** Calling conventions, storage and pointer qualifiers of the Windows headers. */
export const PLAIN_MACROS: readonly string[] = [
  'IN', 'OUT', 'OPTIONAL', 'FAR', 'NEAR', 'far', 'near', 'CONST',
  'WSPAPI', 'WSAAPI', 'PASCAL', 'WINAPI', 'APIENTRY', 'CALLBACK', 'STDCALL', 'STDAPICALLTYPE',
  '__stdcall', '_stdcall', '__cdecl', '_cdecl', '__fastcall', '__pascal', '__far', '_far', '__near',
  '__inline', '__forceinline', 'FORCEINLINE', 'NTAPI', 'WSPAPI_INLINE', '__RPC_FAR', 'UNALIGNED', '__unaligned',
  '__ptr64', '__ptr32', '__restrict', 'EXTERN_C', 'WINSOCK_API_LINKAGE', 'DECLSPEC_NOINLINE',
  // SAL 1
  '__in', '__out', '__inout', '__in_opt', '__out_opt', '__inout_opt', '__deref_out', '__deref_out_opt',
  '__deref_inout', '__deref_opt_out', '__reserved', '__checkReturn', '__success', '__nullterminated',
  '__callback', '__drv_aliasesMem',
  // SAL 2 (without arguments)
  '_In_', '_Out_', '_Inout_', '_In_opt_', '_Out_opt_', '_Inout_opt_', '_In_z_', '_In_opt_z_',
  '_Outptr_', '_Outptr_opt_', '_Outptr_result_maybenull_', '_Reserved_', '_Must_inspect_result_',
  '_Check_return_', '_Ret_maybenull_', '_Ret_notnull_', '_Success_', '_Use_decl_annotations_',
  '_Frees_ptr_', '_Frees_ptr_opt_', '_Null_terminated_', '_NullNull_terminated_', '_Printf_format_string_',
  '_Analysis_assume_', '_Pre_', '_Post_', '_Deref_out_', '_In_range_', '_Field_size_', '_Maybenull_', '_Notnull_',
];

/**
 * Prefixes of SAL annotations that take arguments: `_In_reads_bytes_(namelen)`, `__in_bcount(n)`,
 * `_When_(...)`, `__declspec(dllexport)`. The call-like annotation is blanked with its balanced parentheses.
 */
export const ARG_MACRO_PATTERNS: readonly RegExp[] = [
  /^_(In|Out|Inout)_(reads|writes|updates)\w*_$/,
  /^_(In|Out|Inout)_opt_\w*_$/,
  /^_(Out|Inout)_(cap|bytecap|z_cap|z_bytecap)\w*_$/,
  /^_(Outptr|Deref|Ret|Field|Struct|Pre|Post|When|On_failure|Success|Return_type_success|In_range|Out_range|Requires_lock_held|Acquires_lock|Releases_lock|IRQL_requires|IRQL_requires_max|Kernel|Dispatch|Interlocked|Analysis_assume|Printf_format_string_params|Null_terminated|Writable_bytes|Readable_bytes|Writable_elements|Readable_elements|Points_to_data)\w*_$/,
  /^__(in|out|inout)_(b|e|x)count\w*$/,
  /^__(in|out|inout)_(opt|z|nz|part|full)\w*$/,
  /^__(deref|drv|field)_\w+$/,
  /^__(success|range|typefix|_drv_\w+)$/,
  /^__declspec$/,
  /^__attribute__$/,
  /^DECLSPEC_\w+$/,
];

/** SAL names that carry a fact worth keeping after blanking. */
export type SalFact = 'in' | 'out' | 'inout' | 'optional';

export function salFacts(name: string): SalFact[] {
  const n = name.replace(/^_+|_+$/g, '').toLowerCase();
  const facts: SalFact[] = [];
  if (/^(in|out|inout)\b/.test(n) || /^(in|out|inout)_/.test(n)) {
    const dir = n.startsWith('inout') ? 'inout' : n.startsWith('out') ? 'out' : 'in';
    facts.push(dir);
  }
  if (/(^|_)opt(_|$)/.test(n) || n === 'optional' || n === 'maybenull') facts.push('optional');
  return facts;
}
