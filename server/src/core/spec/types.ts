/**
 * Shapes of the contract tables. The tables themselves are generated from the SDK reference pages
 * (scripts/gen-contracts.mjs) into ./generated/ and checked in, so a reviewer can diff them against
 * the spec. The analyzer, the hovers and the runtime all read these same tables.
 */
export type Direction = 'in' | 'out' | 'inout';

export interface ParamSpec {
  /** 0-based position: implementations are matched by position, not by name. */
  index: number;
  name: string;
  /** C type as written in the SDK prototype, e.g. `const struct sockaddr FAR *`. */
  type: string;
  direction: Direction;
  /** True when the page says the pointer may be NULL (or the SDK marks it optional). */
  optional: boolean;
  description: string;
  /** The page's sentence that makes the parameter optional (or `[in, optional]` from the heading). */
  optionalBecause?: string;
  /** Set when the direction is not the heading's (no heading, or one the page contradicts): the sentence used. */
  directionBecause?: string;
  /** The page describes the parameter only as "Reserved." */
  reserved?: boolean;
}

export interface DocumentedError {
  code: string;
  meaning: string;
}

/** Error codes a page lists for a network event (FD_CONNECT...), reported through the event, not lpErrno. */
export interface EventErrorTable {
  events: string[];
  errors: DocumentedError[];
}

export interface FunctionContract {
  /** `WSPConnect` */
  name: string;
  /** `LPWSPCONNECT` */
  typedef: string;
  /** Member of WSPPROC_TABLE that holds it, e.g. `lpWSPConnect`; null for WSPStartup. */
  procEntry: string | null;
  summary: string;
  returnType: string;
  returns: {
    /** Values that mean success, as macro names or numbers (`0`, `NO_ERROR`). */
    success: string[];
    /** Values that mean failure (`SOCKET_ERROR`, `INVALID_SOCKET`, `FALSE`). */
    failure: string[];
    /** The page's own words. */
    text: string;
    /**
     * lpErrno codes that come with the failure value yet mean "started, completes later"
     * (`WSA_IO_PENDING` on pages that document overlapped operation).
     */
    pending?: string[];
  };
  /** Where the error code goes: `*lpErrno` (every WSP* function) or the return value itself (WSPStartup). */
  errorReporting?: 'lpErrno' | 'return-value';
  /** Per-network-event error tables (WSPAsyncSelect, WSPEnumNetworkEvents). */
  eventErrors?: EventErrorTable[];
  params: ParamSpec[];
  errors: DocumentedError[];
  remarks: string[];
  /** Source page file name under the spec's ws2spi folder. */
  page: string;
}

export interface ErrorCodeInfo {
  name: string;
  value: number;
  title: string;
  description: string;
}

/** One member of WSPPROC_TABLE, in struct order. */
export interface ProcTableField {
  /** `lpWSPConnect` */
  field: string;
  /** `LPWSPCONNECT` */
  typedef: string;
  /** `WSPConnect` */
  function: string;
}
