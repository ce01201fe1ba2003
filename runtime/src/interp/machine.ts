/** The state of one snippet run: memory, scopes, the stack it calls, and what it records. */
import type { Stack } from '../stack/stack';
import type { CallRecord, EventRecord } from '../types';
import type { Program } from './ast';
import type { CType } from './ctypes';
import { alignOf, sizeOf, typeName } from './ctypes';
import { Memory } from './memory';
import type { LValue, Value } from './values';
import { RunStop, normalize } from './values';

export interface MachineOptions {
  program: Program;
  stack: Stack;
  typedefs: ReadonlyMap<string, CType>;
  /** Statements and loop iterations the run may take. */
  budget: number;
  /**
   * Wall-clock limit of the run in ms. The step budget bounds how many steps run, not how long one takes
   * (a memset of 50 MB is one step), so the clock is checked on every step too.
   */
  wallMs?: number;
}

export const MAX_CALL_DEPTH = 64;

/** What a snippet may print: output is kept in memory until the run ends, so it is bounded like memory. */
export const MAX_OUTPUT_CHARS = 1024 * 1024;

export class Machine {
  readonly mem = new Memory();
  readonly program: Program;
  readonly stack: Stack;
  readonly typedefs: ReadonlyMap<string, CType>;
  readonly budget: number;
  private readonly wallMs: number | undefined;
  private readonly deadline: number;
  readonly globals = new Map<string, LValue>();
  readonly statics = new Map<string, LValue>();
  readonly strings = new Map<number, number>();
  /** Macros being expanded (not expanded again inside themselves). */
  readonly expanding = new Set<string>();
  scopes: Map<string, LValue>[] = [];
  steps = 0;
  line = 0;
  depth = 0;
  /** WSAGetLastError's value (API functions set it; SPI functions use lpErrno). */
  lastError = 0;
  readonly calls: CallRecord[] = [];
  readonly events: EventRecord[] = [];
  private printed = '';

  constructor(options: MachineOptions) {
    this.program = options.program;
    this.stack = options.stack;
    this.typedefs = options.typedefs;
    this.budget = options.budget;
    this.wallMs = options.wallMs;
    this.deadline = options.wallMs === undefined ? Infinity : performance.now() + options.wallMs;
  }

  step(line: number): void {
    this.line = line;
    if (++this.steps > this.budget) {
      throw new RunStop(
        `step budget of ${this.budget} exhausted (a loop that never ends? virtual time only passes when the snippet waits: select with a timeout, Sleep, a blocking call)`,
        line,
      );
    }
    if (performance.now() > this.deadline) {
      throw new RunStop(`the run passed its wall-clock limit of ${this.wallMs} ms after ${this.steps} steps (wsplint run --timeout MS)`, line);
    }
  }

  lookup(name: string): LValue | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (v) return v;
    }
    return this.globals.get(name);
  }

  /** Allocates an object of `type` (zero-filled) named for error messages. */
  allocate(type: CType, name: string, keep = false): number {
    const size = sizeOf(type);
    if (size === null) throw new RunStop(`${name} has incomplete type ${typeName(type)}`);
    return this.mem.alloc(size, alignOf(type), name, keep);
  }

  load(lv: LValue): Value {
    const t = lv.type;
    if (t.kind === 'int') return { k: 'int', type: t, v: this.mem.readInt(lv.addr, t.size, t.signed) };
    if (t.kind === 'ptr') return { k: 'int', type: t, v: this.mem.readInt(lv.addr, 8, false) };
    if (t.kind === 'struct' || t.kind === 'array') return { k: 'obj', type: t, addr: lv.addr };
    throw new RunStop(`cannot read a value of type ${typeName(t)}`);
  }

  store(lv: LValue, v: Value): void {
    const t = lv.type;
    if (t.kind === 'int' || t.kind === 'ptr') {
      if (v.k === 'obj') throw new RunStop(`cannot assign a ${typeName(v.type)} to a ${typeName(t)}`);
      this.mem.writeInt(lv.addr, t.kind === 'int' ? t.size : 8, normalize(v.v, t));
      return;
    }
    if (t.kind === 'struct') {
      if (v.k !== 'obj' || sizeOf(v.type) !== sizeOf(t)) throw new RunStop(`cannot assign a ${typeName(v.type)} to a ${typeName(t)}`);
      this.mem.write(lv.addr, this.mem.read(v.addr, t.size));
      return;
    }
    throw new RunStop(`cannot assign to a ${typeName(t)}`);
  }

  print(text: string): void {
    if (this.printed.length + text.length > MAX_OUTPUT_CHARS) {
      this.printed += text.slice(0, Math.max(0, MAX_OUTPUT_CHARS - this.printed.length));
      throw new RunStop(`the snippet printed more than ${MAX_OUTPUT_CHARS / (1024 * 1024)} MB; the run stops there`);
    }
    this.printed += text;
  }

  /** What the snippet printed, one entry per line (a last line without newline included). */
  output(): string[] {
    if (this.printed === '') return [];
    const lines = this.printed.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
}
