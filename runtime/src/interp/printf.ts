/** printf-style formatting over the snippet's memory (%d %i %u %x %X %o %c %s %p %%, flags, width, precision, length). */
import { MAX_OUTPUT_CHARS } from './machine';
import type { Memory } from './memory';
import type { Value } from './values';
import { RunStop } from './values';

export function format(mem: Memory, fmt: string, args: Value[]): string {
  let out = '';
  let next = 0;
  const take = (spec: string): bigint => {
    const a = args[next++];
    if (a === undefined) throw new RunStop(`printf: "${spec}" has no matching argument`);
    if (a.k === 'obj') return BigInt(a.addr);
    return a.v;
  };
  const re = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|I64|I32|z|j|t)?([diuxXocspn%])/g;
  let last = 0;
  for (let m = re.exec(fmt); m !== null; m = re.exec(fmt)) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const [spec, flags, widthSpec, precSpec, length, conv] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const width = widthSpec === '*' ? Number(take(spec)) : widthSpec ? Number(widthSpec) : 0;
    const prec = precSpec === '*' ? Number(take(spec)) : precSpec !== undefined ? Number(precSpec) : null;
    // Padding is built before it is printed: a huge width would take the memory before the output limit could.
    for (const n of [width, prec ?? 0]) {
      if (Math.abs(n) > MAX_OUTPUT_CHARS) throw new RunStop(`printf: a width or precision of ${n} in "${spec}" is more than the output limit`);
    }
    let body: string;
    switch (conv) {
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        const bits = length === 'll' || length === 'I64' || length === 'z' || length === 'j' || length === 't' ? 64 : length === 'h' ? 16 : length === 'hh' ? 8 : 32;
        const raw = take(spec);
        const v = conv === 'd' || conv === 'i' ? BigInt.asIntN(bits, raw) : BigInt.asUintN(bits, raw);
        const neg = v < 0n;
        let digits = (neg ? -v : v).toString(conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10);
        if (conv === 'X') digits = digits.toUpperCase();
        if (prec !== null) digits = digits.padStart(prec, '0');
        const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        const prefix = flags.includes('#') && v !== 0n ? (conv === 'x' ? '0x' : conv === 'X' ? '0X' : conv === 'o' ? '0' : '') : '';
        if (flags.includes('0') && !flags.includes('-') && prec === null) digits = digits.padStart(width - sign.length - prefix.length, '0');
        body = sign + prefix + digits;
        break;
      }
      case 'c':
        body = String.fromCharCode(Number(BigInt.asUintN(8, take(spec))));
        break;
      case 's': {
        const addr = Number(take(spec));
        // With a precision the array need not be NUL-terminated.
        body = addr === 0 ? '(null)' : mem.readCString(addr, prec ?? 4096);
        break;
      }
      case 'p':
        body = `0x${BigInt.asUintN(64, take(spec)).toString(16).padStart(16, '0')}`;
        break;
      default:
        throw new RunStop(`printf: "${spec}" is not supported`);
    }
    out += flags.includes('-') ? body.padEnd(width) : body.padStart(width);
  }
  return out + fmt.slice(last);
}
