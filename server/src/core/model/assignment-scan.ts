import { editBetween } from '../parse/text-diff';

/** `name =` or `name op=` in a text: where the name starts, where the operator ends, which operator. */
export interface AssignMatch {
  name: string;
  index: number;
  end: number;
  op: string;
}

/** The matches of one version of a text, kept to find the next version's from them. */
export interface AssignmentScan {
  text: string;
  matches: AssignMatch[];
}

const ASSIGN = /\b([A-Za-z_]\w*)\s*([-+*/|&^]?=)(?!=)/g;

/**
 * Every `name =` / `name op=` of the text (the candidates for assignments to globals). With the scan of
 * the previous version, only the part around the edit is scanned again: matches wholly before it (and
 * the character after each) are kept, the scan restarts after the last of them, and it stops at the
 * first match past the edit that the old scan also found at the same (shifted) place, from where the
 * two scans see the same text from the same position.
 */
export function scanAssignments(text: string, previous?: AssignmentScan): AssignmentScan {
  if (!previous) return { text, matches: scanFrom(text, 0, null) };
  const edit = editBetween(previous.text, text);
  if (!edit) return previous;
  const { start, newEnd } = edit;
  const delta = text.length - previous.text.length;
  const kept: AssignMatch[] = [];
  for (const m of previous.matches) {
    if (m.end >= start) break;
    kept.push(m);
  }
  const oldAt = new Map<number, { k: number; m: AssignMatch }>();
  previous.matches.forEach((m, k) => {
    if (m.index - 1 >= start) oldAt.set(m.index, { k, m });
  });
  const resume = kept.length ? kept[kept.length - 1].end : 0;
  const tail: AssignMatch[] = [];
  const fresh = scanFrom(text, resume, (m) => {
    if (m.index - 1 < newEnd) return false;
    const o = oldAt.get(m.index - delta);
    if (!o || o.m.end !== m.end - delta) return false;
    for (let k = o.k; k < previous.matches.length; k++) {
      const p = previous.matches[k];
      tail.push(delta === 0 ? p : { ...p, index: p.index + delta, end: p.end + delta });
    }
    return true;
  });
  return { text, matches: [...kept, ...fresh, ...tail] };
}

/** Matches from `from`, until `stop` takes one over (that one and the rest are then the stopper's). */
function scanFrom(text: string, from: number, stop: ((m: AssignMatch) => boolean) | null): AssignMatch[] {
  const out: AssignMatch[] = [];
  ASSIGN.lastIndex = from;
  for (let r = ASSIGN.exec(text); r; r = ASSIGN.exec(text)) {
    const m = { name: r[1], index: r.index, end: r.index + r[0].length, op: r[2] };
    if (stop && stop(m)) break;
    out.push(m);
  }
  return out;
}
