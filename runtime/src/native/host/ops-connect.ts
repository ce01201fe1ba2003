/**
 * WSPConnect on the host: a real TCP connect through Node (its outcome is the OS's, mapped to WSA
 * codes), and a real UDP connect that sets the default destination. The Winsock state rules Node has
 * no call for (connecting a listening socket, a second connect while one is pending) are checked here
 * with lpwspconnect.md's codes; connect data and QoS cannot be expressed and the detail says so.
 */
import type { SockAddr } from '../../net/address';
import { formatAddr, isAllZero, sameAddr } from '../../net/address';
import { FD_CONNECT, FD_WRITE } from '../../spec/winsock-constants';
import type { ConnectArgs, Reply } from '../../stack/stack';
import { mapOsError } from '../error-map';
import { reachable, refusal } from '../net-policy';
import { nodeHost, readName } from './args';
import type { HostSocket } from './host-socket';
import { describeHostSocket } from './host-socket';
import type { HostWorld } from './host-world';
import { NOT_EXPRESSIBLE } from './host-world';
import { bindUdp, newTcp, release, sockAddrFrom, udpBound, watchTcp } from './node-io';
import { osFail } from './ops-socket';

export async function connectOp(w: HostWorld, handle: number, args: ConnectArgs): Promise<Reply<void>> {
  const s = w.lookup(handle);
  if (!s) return w.fail('WSAENOTSOCK', `${handle} is not a socket`);
  const n = readName(s.family, args.name, 'name');
  if (!n.ok) return w.fail(n.error, n.detail);
  const target = n.addr;
  if (s.state === 'listening') return w.fail('WSAEINVAL', `socket ${handle} is a listening socket`);
  if (s.type === 'stream' && s.state === 'connected') return w.fail('WSAEISCONN', `${describeHostSocket(s)} to ${formatAddr(s.remote as SockAddr)}`);
  if (s.type === 'stream' && s.state === 'connecting') return w.fail('WSAEALREADY', `a nonblocking connect to ${formatAddr(s.remote as SockAddr)} is still in progress`);
  if (args.callerData.kind === 'fault' || args.calleeData.kind === 'fault') {
    return w.fail('WSAEFAULT', 'lpCallerData or lpCalleeData is not a valid part of the user address space');
  }
  if (args.sqos.kind === 'fault') return w.fail('WSAEFAULT', 'lpSQOS is not a valid part of the user address space');
  if (s.type === 'dgram') return connectDatagram(w, s, target);
  if (!reachable(w.policy, target.ip)) return w.stop(refusal(w.policy, 'connect', target));

  const notes: string[] = [];
  if (args.callerData.kind === 'bytes' && args.callerData.bytes.length > 0) {
    notes.push(`${NOT_EXPRESSIBLE}: lpCallerData (${args.callerData.bytes.length} bytes) was not sent, TCP through Node has no connect data`);
  }
  if (args.calleeData.kind === 'buffer') notes.push(`${NOT_EXPRESSIBLE}: lpCalleeData was left untouched`);
  if (args.sqos.kind === 'qos') notes.push(`${NOT_EXPRESSIBLE}: lpSQOS was ignored, the host stack has no QoS`);
  const note = notes.length ? `; ${notes.join('; ')}` : '';

  await release(s);
  s.state = 'connecting';
  s.failure = null;
  s.outcome = null;
  s.remote = { ...target };
  const tcp = newTcp();
  s.tcp = tcp;
  const onError = (e: Error): void => {
    const mapped = mapOsError(e, `connect to ${formatAddr(target)}`);
    s.outcome = mapped
      ? { error: mapped.error, detail: mapped.detail }
      : { error: 'unmapped', detail: `the host answered connect to ${formatAddr(target)} with an error that has no Winsock twin: ${e.message}` };
    s.state = s.local ? 'bound' : 'open';
    s.remote = null;
    s.tcp = null;
    if (s.nonblocking && mapped) {
      s.failure = mapped.error;
      s.soError = mapped.error;
    }
    if (mapped) w.occur(s, FD_CONNECT, mapped.error);
    w.changed();
  };
  tcp.once('error', onError);
  tcp.once('connect', () => {
    tcp.removeListener('error', onError);
    s.state = 'connected';
    s.outcome = { error: null, detail: `connected to ${formatAddr(target)}` };
    if (s.local === null || isAllZero(s.local.ip) || s.local.port === 0) s.local = sockAddrFrom(s.family, tcp.localAddress, tcp.localPort);
    watchTcp(w, s, tcp);
    if (s.options.noDelay) tcp.setNoDelay(true);
    if (s.options.keepAlive) tcp.setKeepAlive(true);
    w.occurAll(
      s,
      new Map([
        [FD_CONNECT, null],
        [FD_WRITE, null],
      ]),
    );
    w.changed();
  });
  try {
    tcp.connect({
      host: nodeHost(target),
      port: target.port,
      localAddress: s.local ? nodeHost(s.local) : undefined,
      localPort: s.local && s.local.port !== 0 ? s.local.port : undefined,
    });
  } catch (e) {
    s.state = s.local ? 'bound' : 'open';
    s.tcp = null;
    return osFail(w, e, `connect to ${formatAddr(target)}`);
  }
  if (s.nonblocking) {
    return w.fail(
      'WSAEWOULDBLOCK',
      `nonblocking connect to ${formatAddr(target)} started on the host; the outcome comes through select, FD_CONNECT and SO_ERROR${note}`,
    );
  }
  const waited = await w.waitUntil(() => s.outcome !== null, null);
  if (waited !== 'ready') return w.deadlineStop(`the blocking connect to ${formatAddr(target)}`);
  // Read through a function: TypeScript still thinks of s.outcome as the null assigned above.
  const outcome = currentOutcome(s) as NonNullable<HostSocket['outcome']>;
  if (outcome.error === 'unmapped') return w.stop(outcome.detail);
  if (outcome.error === null) return w.ok(undefined, `${outcome.detail} (t=${w.now()}ms)${note}`);
  return w.fail(outcome.error, `${outcome.detail}; the socket may connect again${note}`);
}

function currentOutcome(s: HostSocket): HostSocket['outcome'] {
  return s.outcome;
}

async function connectDatagram(w: HostWorld, s: HostSocket, target: SockAddr): Promise<Reply<void>> {
  // A datagram connect sends nothing: the policy is checked when data is sent to the destination.
  if (isAllZero(target.ip)) {
    const had = s.remote !== null;
    if (had && s.udp) s.udp.disconnect();
    s.remote = null;
    s.datagrams = [];
    return w.ok(undefined, had ? 'default destination removed (the host disconnected the UDP socket)' : 'the socket had no default destination');
  }
  if (!udpBound(s)) {
    const b = await bindUdp(w, s, null);
    if (!b.ok) return osFail(w, b.error, 'the implicit bind before connect');
    s.state = 'bound';
  }
  const udp = s.udp as NonNullable<HostSocket['udp']>;
  const changed = s.remote === null || !sameAddr(s.remote, target);
  if (s.remote !== null) udp.disconnect();
  const err = await new Promise<Error | null>((resolve) => {
    try {
      udp.connect(target.port, nodeHost(target), (e?: Error) => resolve(e ?? null));
    } catch (e) {
      resolve(e instanceof Error ? e : new Error(String(e)));
    }
  });
  if (err !== null) {
    s.remote = null;
    return osFail(w, err, `connect to ${formatAddr(target)}`);
  }
  const dropped = changed ? s.datagrams.length : 0;
  // "Any datagrams queued for receipt are discarded if name is different from the previous LPWSPConnect."
  if (changed) s.datagrams = [];
  s.remote = { ...target };
  w.occur(s, FD_WRITE, null);
  const note = dropped > 0 ? `; ${dropped} queued datagram(s) discarded` : '';
  return w.ok(undefined, `default destination set to ${formatAddr(target)} by the host's UDP connect${note}`);
}
