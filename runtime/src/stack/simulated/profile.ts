/**
 * Every place where the `windows` profile departs from the `spec` profile. The simulated stack asks
 * these flags and nothing else about the profile, so this table is the complete list; docs/runtime.md
 * explains each entry (a test keeps the two in step). Where there is no evidence of how Windows
 * behaves, the windows profile follows the spec.
 */
import type { Profile } from '../../types';

export interface ProfileRules {
  /** A datagram connect to a broadcast address without SO_BROADCAST fails with WSAEACCES. */
  broadcastConnectNeedsSoBroadcast: boolean;
  /** Reading SO_ERROR clears it (and only reading does); otherwise it stays until a connection succeeds. */
  soErrorClearedByRead: boolean;
  /** A socket whose blocking connect failed is also reported in exceptfds by WSPSelect. */
  exceptfdsAfterBlockingFailure: boolean;
  /** Events that happened before WSPEventSelect/WSPAsyncSelect nominated them are still reported. */
  reportsEventsBeforeSelection: boolean;
  /** A datagram connect records FD_CONNECT (error 0) before FD_WRITE. */
  datagramConnectSignalsFdConnect: boolean;
  /** Delay before a loopback connection to a port without listener fails, in virtual milliseconds. */
  loopbackRefusalDelayMs: number;
  /** WSPGetSockName on a socket bound to the wildcard address but not connected fails with WSAEINVAL. */
  sockNameOfWildcardFails: boolean;
}

export const PROFILE_RULES: Readonly<Record<Profile, ProfileRules>> = {
  spec: {
    broadcastConnectNeedsSoBroadcast: true,
    soErrorClearedByRead: true,
    exceptfdsAfterBlockingFailure: false,
    reportsEventsBeforeSelection: false,
    datagramConnectSignalsFdConnect: false,
    loopbackRefusalDelayMs: 0,
    sockNameOfWildcardFails: true,
  },
  windows: {
    broadcastConnectNeedsSoBroadcast: false,
    soErrorClearedByRead: false,
    exceptfdsAfterBlockingFailure: true,
    reportsEventsBeforeSelection: true,
    datagramConnectSignalsFdConnect: true,
    loopbackRefusalDelayMs: 2000,
    sockNameOfWildcardFails: false,
  },
};

/** Timing of the simulated network (virtual milliseconds); the same in both profiles. */
export const TIMING = {
  /** A connection to a listener of this host is established at the next wait. */
  loopbackConnectMs: 0,
  /** Round trip to a declared remote address (listen/refuse). */
  remoteRoundTripMs: 20,
  /** A SYN nobody answers (`silent`) times out after the usual Windows retransmission schedule. */
  connectTimeoutMs: 21000,
  /** Declared-unreachable networks answer at once (no route / ICMP). */
  unreachableMs: 0,
} as const;
