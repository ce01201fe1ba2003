/** Random call sequences against a Stack, for the property tests. */
import { encodeSockAddr, parseIp } from '../../../runtime/src/net/address';
import type { NetworkConfig } from '../../../runtime/src/net/network';
import { defaultNetwork } from '../../../runtime/src/net/network';
import type { InBuf, OutBuf, PtrArg, QosArg, Reply, Stack } from '../../../runtime/src/stack/stack';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function testNetwork(): NetworkConfig {
  const net = defaultNetwork();
  const rule = (ip: string, prefix: number, port: number | null, verdict: 'listen' | 'refuse' | 'silent' | 'unreachable') =>
    net.rules.push({ ip: parseIp(ip) as Uint8Array, prefix, port, verdict, line: net.rules.length + 1 });
  rule('10.0.0.5', 32, 80, 'listen');
  rule('10.0.0.6', 32, null, 'refuse');
  rule('192.0.2.0', 24, null, 'silent');
  rule('10.1.0.0', 16, null, 'unreachable');
  return net;
}

export interface Produced {
  fn: string;
  error: string;
}

/** One random call; returns the SPI function name and its reply. */
export type Step = { fn: string; reply: Reply<unknown> };

export class RandomCaller {
  private sockets: number[] = [];
  private events: number[] = [];
  private ports: number[] = [];

  constructor(
    private readonly stack: Stack,
    private readonly r: () => number,
  ) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }

  private handle(): number {
    return this.r() < 0.85 && this.sockets.length ? this.pick(this.sockets) : this.pick([0, 1, 12345, 0x104, 0xffffffff]);
  }

  /** The newest socket half of the time: sequences that select, connect and wait on one socket are common. */
  private recent(): number {
    return this.sockets.length && this.r() < 0.5 ? this.sockets[this.sockets.length - 1] : this.handle();
  }

  private sockaddr(v6 = this.r() < 0.15): Uint8Array {
    const port = this.r() < 0.6 && this.ports.length ? this.pick(this.ports) : this.pick([0, 9, 80, 255, 5000]);
    const ip = v6
      ? this.pick(['::1', '::', '2001:db8::10', '2001:db8::99'])
      : this.pick(['127.0.0.1', '127.0.0.1', '0.0.0.0', '10.0.0.5', '10.0.0.6', '192.0.2.1', '10.1.2.3', '8.8.8.8', '255.255.255.255', '192.168.1.255', '192.168.1.10']);
    return encodeSockAddr({ family: v6 ? 23 : 2, ip: parseIp(ip) as Uint8Array, port, scopeId: 0 });
  }

  private inName(): InBuf {
    const x = this.r();
    if (x < 0.05) return { kind: 'null' };
    if (x < 0.1) return { kind: 'fault' };
    const bytes = this.sockaddr();
    if (x < 0.15) return { kind: 'bytes', bytes: bytes.slice(0, 8) };
    return { kind: 'bytes', bytes };
  }

  private out(size = 28): OutBuf {
    const x = this.r();
    if (x < 0.08) return { kind: 'null' };
    if (x < 0.15) return { kind: 'fault' };
    return { kind: 'buffer', capacity: x < 0.25 ? 4 : size };
  }

  private ptr(): PtrArg {
    const x = this.r();
    return x < 0.05 ? 'null' : x < 0.1 ? 'fault' : 'ok';
  }

  private qos(): QosArg {
    const x = this.r();
    if (x < 0.7) return { kind: 'null' };
    if (x < 0.75) return { kind: 'fault' };
    const flow = { tokenRate: 0, peakBandwidth: 0, serviceType: this.pick([0, 1, 2, 3, 6]) };
    return { kind: 'qos', sending: flow, receiving: { ...flow, serviceType: this.pick([0, 1, 3]) }, providerSpecificLength: 0 };
  }

  private data(): InBuf[] | 'fault' {
    if (this.r() < 0.05) return 'fault';
    return [{ kind: 'bytes', bytes: new Uint8Array(Math.floor(this.r() * 40)) }];
  }

  private int(values: number[]): number {
    return this.r() < 0.8 ? this.pick(values) : Math.floor(this.r() * 70000) - 100;
  }

  async step(): Promise<Step> {
    const s = this.stack;
    const op = Math.floor(this.r() * 24);
    switch (op) {
      case 0:
      case 1: {
        const reply = await s.socket(this.int([2, 23, 2]), this.int([1, 2, 1, 2, 3]), this.int([0, 6, 17]), this.r() < 0.9 ? 0 : 1, 0);
        if (reply.ok === true) this.sockets.push(reply.value);
        return { fn: 'WSPSocket', reply };
      }
      case 2:
        return { fn: 'WSPBind', reply: await s.bind(this.handle(), this.inName()) };
      case 3:
        return { fn: 'WSPListen', reply: await s.listen(this.handle(), this.int([1, 5, 0x7fffffff])) };
      case 4: {
        const reply = await s.accept(this.handle(), this.out(), false);
        if (reply.ok === true) this.sockets.push(reply.value.socket);
        return { fn: 'WSPAccept', reply };
      }
      case 5:
      case 6: {
        const caller: InBuf = this.r() < 0.85 ? { kind: 'null' } : this.r() < 0.5 ? { kind: 'fault' } : { kind: 'bytes', bytes: new Uint8Array(3) };
        const callee = this.r() < 0.8 ? ({ kind: 'null' } as const) : ({ kind: 'buffer', capacity: 16, deliver: () => undefined } as const);
        return { fn: 'WSPConnect', reply: await s.connect(this.recent(), { name: this.inName(), callerData: caller, calleeData: callee, sqos: this.qos(), gqos: 'null' }) };
      }
      case 7: {
        const code = this.pick([0x8004667e, 0x4004667f, 0x40047307, 0x12345]);
        const input: InBuf = this.r() < 0.1 ? { kind: 'null' } : { kind: 'bytes', bytes: Uint8Array.of(this.r() < 0.5 ? 1 : 0, 0, 0, 0) };
        return { fn: 'WSPIoctl', reply: await s.ioctl(this.handle(), code, input, this.out(4), this.ptr()) };
      }
      case 8: {
        const value: InBuf = this.r() < 0.1 ? { kind: 'fault' } : { kind: 'bytes', bytes: Uint8Array.of(1, 0, this.r() < 0.5 ? 0 : 5, 0).slice(0, this.r() < 0.1 ? 2 : 4) };
        return { fn: 'WSPSetSockOpt', reply: await s.setSockOpt(this.handle(), this.int([0xffff, 6, 0xffff]), this.int([4, 0x20, 0x80, 0x1001, 1, 0x1007]), value) };
      }
      case 9:
        return { fn: 'WSPGetSockOpt', reply: await s.getSockOpt(this.handle(), this.int([0xffff, 6]), this.int([4, 0x20, 0x1007, 0x1008, 2, 0x80]), this.out(4)) };
      case 10: {
        const set = (): number[] | null | 'fault' => (this.r() < 0.3 ? null : this.r() < 0.05 ? 'fault' : [this.handle(), this.handle()].slice(0, 1 + Math.floor(this.r() * 2)));
        const timeout = this.r() < 0.05 ? 'fault' : this.r() < 0.05 ? { sec: -1, usec: 0 } : { sec: Math.floor(this.r() * 3), usec: 0 };
        return { fn: 'WSPSelect', reply: await s.select({ read: set(), write: set(), except: set(), timeout }) };
      }
      case 11: {
        if (this.r() < 0.3) this.events.push(s.createEvent());
        const ev = this.events.length && this.r() < 0.9 ? this.pick(this.events) : this.pick([0, 77]);
        return { fn: 'WSPEventSelect', reply: await s.eventSelect(this.handle(), ev, this.int([0, 0x3f, 0x12, 0x10])) };
      }
      case 12: {
        const ev = this.events.length && this.r() < 0.8 ? this.pick(this.events) : this.pick([0, 77]);
        return { fn: 'WSPEnumNetworkEvents', reply: await s.enumNetworkEvents(this.handle(), ev, this.ptr()) };
      }
      case 22: {
        // Waiting lets pending connects complete, so their events show up.
        const reply = await s.sleep(this.pick([0, 10, 100, 2500, 30000]));
        return { fn: 'Sleep', reply };
      }
      case 23: {
        if (!this.events.length) this.events.push(s.createEvent());
        return { fn: 'WSPEventSelect', reply: await s.eventSelect(this.recent(), this.pick(this.events), 0x3f) };
      }
      case 13:
        return { fn: 'WSPAsyncSelect', reply: await s.asyncSelect(this.handle(), this.r() < 0.9 ? 1 : 0, 0x400, this.int([0, 0x3f, 0x12])) };
      case 14: {
        const reply = await s.getSockName(this.handle(), this.out());
        if (reply.ok === true && reply.value.length >= 4) this.ports.push((reply.value[2] << 8) | reply.value[3]);
        return { fn: 'WSPGetSockName', reply };
      }
      case 15:
        return { fn: 'WSPGetPeerName', reply: await s.getPeerName(this.handle(), this.out()) };
      case 16:
        return { fn: 'WSPSend', reply: await s.send(this.handle(), this.data(), this.int([0, 0, 1, 0x8000]), this.ptr()) };
      case 17:
        return { fn: 'WSPRecv', reply: await s.recv(this.handle(), this.r() < 0.05 ? 'fault' : 8, this.int([0, 0, 2, 1]), this.ptr()) };
      case 18:
        return { fn: 'WSPSendTo', reply: await s.sendTo(this.handle(), this.data(), this.int([0, 1]), this.r() < 0.1 ? { kind: 'null' } : this.inName(), this.ptr()) };
      case 19:
        return { fn: 'WSPRecvFrom', reply: await s.recvFrom(this.handle(), this.r() < 0.05 ? 'fault' : 8, this.int([0, 2]), this.out(), this.ptr()) };
      case 20:
        return { fn: 'WSPShutdown', reply: await s.shutdown(this.handle(), this.int([0, 1, 2, 5])) };
      default:
        return { fn: 'WSPCloseSocket', reply: await s.closeSocket(this.handle()) };
    }
  }
}
