import type { EditSpan } from '../parse/text-diff';

/**
 * Values computed from a span of a file (a function's header, a body, a declaration), kept from one
 * version of the file to the next: a keystroke changes one place, and every span before it, or after it
 * (moved by the edit's length), has the same text and parses the same, so its facts are taken over by
 * position instead of being read again from the new tree. An entry not asked for by a version is
 * dropped at the version after it, so the memo stays the size of the file.
 */
interface Entry<V> {
  end: number;
  value: V;
}

export class SpanMemo<V> {
  private current = new Map<number, Entry<V>>();
  private previous = new Map<number, Entry<V>>();
  private edit: EditSpan | null = null;

  get(start: number, end: number, compute: () => V): V {
    const known = this.current.get(start);
    if (known && known.end === end) return known.value;
    const old = this.old(start, end);
    const value = old ? old.value : compute();
    this.current.set(start, { end, value });
    return value;
  }

  /**
   * A new version of the file begins. `edit`: where it differs from the last one; null when unknown
   * (nothing is taken over).
   */
  turn(edit: EditSpan | null): void {
    this.previous = this.current;
    this.current = new Map();
    this.edit = edit;
  }

  private old(start: number, end: number): Entry<V> | undefined {
    const e = this.edit;
    if (!e) return undefined;
    const shift = e.newEnd - e.oldEnd;
    // Wholly before the change: same offsets. Wholly after it: shifted by the change in length.
    const at = end <= e.start ? 0 : start >= e.newEnd ? shift : null;
    if (at === null) return undefined;
    const p = this.previous.get(start - at);
    return p && p.end === end - at ? p : undefined;
  }
}
