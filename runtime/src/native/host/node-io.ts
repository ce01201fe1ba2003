/**
 * The Node side of the host stack: creating net/dgram objects for a socket, turning their callbacks
 * into state changes and network events, and reading addresses back from them.
 */
import type { AddressInfo } from 'node:net';
import { createServer, Socket as TcpSocket } from 'node:net';
import { createSocket } from 'node:dgram';
import type { SockAddr } from '../../net/address';
import { parseIp } from '../../net/address';
import { AF_INET, AF_INET6, FD_CLOSE, FD_READ } from '../../spec/winsock-constants';
import { mapOsError } from '../error-map';
import { nodeHost } from './args';
import type { HostSocket } from './host-socket';
import type { HostWorld } from './host-world';

/** A SockAddr from the address strings Node reports (`::ffff:127.0.0.1` stays IPv6, as the OS says). */
export function sockAddrFrom(family: number, address: string | undefined, port: number | undefined): SockAddr | null {
  if (address === undefined || port === undefined) return null;
  const pct = address.indexOf('%');
  const ip = parseIp(pct < 0 ? address : address.slice(0, pct));
  if (!ip) return null;
  return { family: ip.length === 4 ? AF_INET : AF_INET6, ip, port, scopeId: 0 };
}

export function addressInfo(family: number, info: AddressInfo | string | null): SockAddr | null {
  if (info === null || typeof info === 'string') return null;
  return sockAddrFrom(family, info.address, info.port);
}

/** Follows a connected TCP socket: data, end of stream and errors become state and events. */
export function watchTcp(w: HostWorld, s: HostSocket, tcp: TcpSocket): void {
  s.tcp = tcp;
  tcp.on('data', (chunk: Buffer) => {
    s.inbound.push(new Uint8Array(chunk));
    w.occur(s, FD_READ, null);
    w.changed();
  });
  tcp.on('end', () => {
    s.eof = true;
    w.occur(s, FD_CLOSE, null);
    w.changed();
  });
  tcp.on('error', (e: Error) => {
    if (s.state !== 'connected') return;
    const mapped = mapOsError(e, 'on the connection');
    s.broken = mapped?.error ?? 'WSAECONNRESET';
    w.occur(s, FD_CLOSE, s.broken);
    w.changed();
  });
  tcp.on('close', () => w.changed());
}

export function newTcp(): TcpSocket {
  return new TcpSocket({ allowHalfOpen: true });
}

/** Listens once to check that `addr` can be bound, and learns the port the OS picks for port 0. */
export function probeBind(addr: SockAddr): Promise<{ ok: true; port: number } | { ok: false; error: unknown }> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', (e) => resolve({ ok: false, error: e }));
    srv.listen({ host: nodeHost(addr), port: addr.port, exclusive: true, ipv6Only: addr.family === AF_INET6 }, () => {
      const info = srv.address();
      const port = info !== null && typeof info !== 'string' ? info.port : addr.port;
      srv.close(() => resolve({ ok: true, port }));
    });
  });
}

/**
 * The socket's dgram object, created on first use with the options that can only be given at
 * creation (SO_REUSEADDR), and following every datagram that arrives.
 */
export function ensureUdp(w: HostWorld, s: HostSocket) {
  if (s.udp) return s.udp;
  const udp = createSocket({ type: s.family === AF_INET6 ? 'udp6' : 'udp4', reuseAddr: s.options.reuseAddr, ipv6Only: s.family === AF_INET6 });
  s.udp = udp;
  udp.on('message', (msg: Buffer, rinfo) => {
    const from = sockAddrFrom(s.family, rinfo.address, rinfo.port);
    if (from) s.datagrams.push({ from, data: new Uint8Array(msg) });
    w.occur(s, FD_READ, null);
    w.changed();
  });
  udp.on('error', (e: Error) => {
    // An ICMP error for an earlier datagram: the OS reports it on the next receive.
    s.broken = mapOsError(e, 'an ICMP error for an earlier datagram')?.error ?? null;
    w.changed();
  });
  return udp;
}

/** Binds the dgram object (wildcard, port 0 when the snippet never bound it) and applies SO_BROADCAST. */
export function bindUdp(w: HostWorld, s: HostSocket, addr: SockAddr | null): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const udp = ensureUdp(w, s);
  const family = s.family;
  const host = addr ? nodeHost(addr) : family === AF_INET6 ? '::' : '0.0.0.0';
  return new Promise((resolve) => {
    const onError = (e: unknown): void => resolve({ ok: false, error: e });
    udp.once('error', onError);
    try {
      udp.bind({ address: host, port: addr?.port ?? 0, exclusive: true }, () => {
        udp.removeListener('error', onError);
        s.local = addressInfo(family, udp.address());
        if (s.options.broadcast) udp.setBroadcast(true);
        resolve({ ok: true });
      });
    } catch (e) {
      udp.removeListener('error', onError);
      resolve({ ok: false, error: e });
    }
  });
}

export function udpBound(s: HostSocket): boolean {
  if (!s.udp) return false;
  try {
    s.udp.address();
    return true;
  } catch {
    return false;
  }
}

/** Closes every Node object of the socket (and of connections still waiting in its queue). */
export function release(s: HostSocket): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const c of s.acceptQueue) waits.push(release(c));
  s.acceptQueue = [];
  if (s.tcp) {
    const tcp = s.tcp;
    waits.push(new Promise((r) => (tcp.destroyed ? r() : tcp.once('close', () => r()))));
    tcp.destroy();
  }
  if (s.server) {
    const srv = s.server;
    waits.push(new Promise((r) => srv.close(() => r())));
  }
  if (s.udp) {
    const udp = s.udp;
    waits.push(
      new Promise((r) => {
        try {
          udp.close(() => r());
        } catch {
          r();
        }
      }),
    );
  }
  s.tcp = null;
  s.server = null;
  s.udp = null;
  return Promise.all(waits).then(() => undefined);
}
