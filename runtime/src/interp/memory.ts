/**
 * The snippet's memory: one little-endian byte space with named objects (variables, string literals,
 * malloc blocks). Every access is checked against the objects, so a bad pointer stops the run with the
 * object and line named, and a pointer handed to the stack can be judged valid or not (WSAEFAULT).
 */
export interface Region {
  start: number;
  size: number;
  name: string;
  freed: boolean;
  /** Outlives the block that allocated it (malloc blocks, statics, string literals). */
  keep: boolean;
}

export class MemoryError extends Error {}

/** Addresses start here so that small integers are never valid pointers. */
const BASE = 0x10000;
const LIMIT = 64 * 1024 * 1024;

export class Memory {
  private bytes = new Uint8Array(64 * 1024);
  private regions: Region[] = [];
  private top = BASE;

  alloc(size: number, align: number, name: string, keep = false): number {
    const start = Math.ceil(this.top / Math.max(1, align)) * Math.max(1, align);
    // One spare byte between objects so that an overrun never lands in the next object.
    const end = start + Math.max(size, 1) + 1;
    if (end - BASE > LIMIT) throw new MemoryError(`the snippet used more than ${LIMIT / (1024 * 1024)} MB of memory`);
    while (end - BASE > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.bytes.fill(0, start - BASE, end - BASE);
    this.regions.push({ start, size, name, freed: false, keep });
    this.top = end;
    return start;
  }

  /** A mark to release back to when a block's automatic variables go out of scope. */
  mark(): number {
    return this.regions.length;
  }

  release(mark: number): void {
    if (mark >= this.regions.length) return;
    const dropped = this.regions.splice(mark);
    const kept = dropped.filter((r) => r.keep);
    this.regions.push(...kept);
    const last = this.regions[this.regions.length - 1];
    this.top = kept.length ? this.top : last ? last.start + Math.max(last.size, 1) + 1 : BASE;
  }

  free(addr: number): boolean {
    const r = this.regions.find((x) => x.start === addr && x.name.startsWith('malloc block'));
    if (!r || r.freed) return false;
    r.freed = true;
    return true;
  }

  regionOf(addr: number): Region | undefined {
    for (let i = this.regions.length - 1; i >= 0; i--) {
      const r = this.regions[i];
      if (addr >= r.start && addr < r.start + Math.max(r.size, 1)) return r;
    }
    return undefined;
  }

  /** True when [addr, addr+length) lies inside one live object. */
  valid(addr: number, length: number): boolean {
    if (length === 0) return addr !== 0;
    const r = this.regionOf(addr);
    return r !== undefined && !r.freed && addr + length <= r.start + r.size;
  }

  private check(addr: number, length: number, what: string): void {
    if (this.valid(addr, length)) return;
    if (addr === 0) throw new MemoryError(`${what} through a NULL pointer`);
    const r = this.regionOf(addr);
    if (r?.freed) throw new MemoryError(`${what} of freed memory (${r.name})`);
    if (r) throw new MemoryError(`${what} of ${length} byte(s) at offset ${addr - r.start} runs past the end of ${r.name} (${r.size} bytes)`);
    throw new MemoryError(`${what} at 0x${addr.toString(16)}, which is not inside any object`);
  }

  read(addr: number, length: number): Uint8Array {
    this.check(addr, length, 'read');
    return this.bytes.slice(addr - BASE, addr - BASE + length);
  }

  write(addr: number, data: Uint8Array): void {
    this.check(addr, data.length, 'write');
    this.bytes.set(data, addr - BASE);
  }

  fill(addr: number, value: number, length: number): void {
    this.check(addr, length, 'write');
    this.bytes.fill(value & 0xff, addr - BASE, addr - BASE + length);
  }

  readInt(addr: number, size: number, signed: boolean): bigint {
    const b = this.read(addr, size);
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return signed ? BigInt.asIntN(size * 8, v) : v;
  }

  writeInt(addr: number, size: number, value: bigint): void {
    const out = new Uint8Array(size);
    let v = BigInt.asUintN(size * 8, value);
    for (let i = 0; i < size; i++) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    this.write(addr, out);
  }

  /** A NUL-terminated string (at most `max` bytes). */
  readCString(addr: number, max = 4096): string {
    const r = this.regionOf(addr);
    if (!r || r.freed) this.check(addr, 1, 'read');
    const end = Math.min((r as Region).start + (r as Region).size, addr + max);
    let s = '';
    for (let a = addr; a < end; a++) {
      const c = this.bytes[a - BASE];
      if (c === 0) return s;
      s += String.fromCharCode(c);
    }
    if (end === addr + max) return s;
    throw new MemoryError(`string at 0x${addr.toString(16)} has no terminating NUL inside ${(r as Region).name}`);
  }
}
