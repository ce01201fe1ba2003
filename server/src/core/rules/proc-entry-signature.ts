import type { ParsedFile } from '../model/parsed-file';
import type { Run } from '../model/run';
import { contractByProcEntry } from '../spec/contracts';
import type { RawFinding } from './rule';

/**
 * A function installed under a WSPPROC_TABLE entry is called by ws2_32 with that entry's signature
 * (LPWSPCONNECT for lpWSPConnect...): a different parameter count, or a pointer where the contract has
 * a value (or the reverse), corrupts the stack or the arguments on every call.
 */
export function procEntrySignature(run: Run, file: ParsedFile): RawFinding[] {
  const out: RawFinding[] = [];
  for (const ins of run.installs) {
    if (ins.path !== file.path) continue;
    const contract = contractByProcEntry(ins.entry);
    const fns = run.functionsNamed(ins.functionName);
    if (!contract || fns.length === 0) continue;
    const want = contract.params.length;
    if (fns.some((f) => f.params.length === want && pointerMismatch(contract.params.map((p) => isPointerType(p.type)), f.params.map((p) => p.isPointer)) < 0)) continue;
    const fn = fns.find((f) => f.params.length === want) ?? fns[0];
    const mismatch = fn.params.length === want ? pointerMismatch(contract.params.map((p) => isPointerType(p.type)), fn.params.map((p) => p.isPointer)) : -1;
    const detail = fn.params.length !== want
      ? `${fn.name} takes ${fn.params.length} parameter${fn.params.length === 1 ? '' : 's'}, ${contract.typedef} takes ${want}`
      : `parameter ${mismatch + 1} (${contract.params[mismatch].name}) is ${isPointerType(contract.params[mismatch].type) ? 'a pointer' : 'not a pointer'} in ${contract.typedef} but not in ${fn.name}`;
    out.push({ rule: 'proc-entry-signature', start: ins.node.startIndex, end: ins.node.endIndex, message: `${ins.functionName} is installed as ${ins.entry} but does not have its signature: ${detail}`, steps: [] });
  }
  return out;
}

function isPointerType(t: string): boolean {
  return t.includes('*') || /^(const\s+)?(LP|P)[A-Z]/.test(t.trim()) || /\bLPWSAOVERLAPPED_COMPLETION_ROUTINE\b/.test(t);
}

/** First position where one side is a pointer and the other is not; -1 when they agree. */
function pointerMismatch(want: boolean[], have: boolean[]): number {
  for (let i = 0; i < want.length; i++) if (want[i] !== have[i]) return i;
  return -1;
}
