import type { Position } from '../types';

/** Offset <-> (line, column) for one text, columns in UTF-16 code units. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    // indexOf finds line breaks far faster than a loop over every character (this runs per keystroke).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo] };
  }
  lineText(line: number): string {
    const s = this.starts[line] ?? this.text.length;
    const e = this.starts[line + 1] ?? this.text.length;
    return this.text.slice(s, e).replace(/\r?\n$/, '');
  }
}
