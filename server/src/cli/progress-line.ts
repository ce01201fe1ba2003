/**
 * The progress line of a long `wsplint check` on stderr (when it is a terminal, or WSPLINT_PROGRESS=1):
 * files parsed out of all, then the analysis, rewritten in place at most ten times a second and erased
 * at the end, so a report on stdout (or a log of stderr) is never mixed with it.
 */
export class ProgressLine {
  private parsed = 0;
  private shown = false;
  private last = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `n` more files parsed (by any thread). */
  parsedFiles(n: number): void {
    this.parsed = Math.min(this.total, this.parsed + n);
    const t = this.now();
    if (this.parsed < this.total && t - this.last < 100) return;
    this.last = t;
    this.show(this.parsed < this.total ? `parsing ${this.parsed}/${this.total} files` : `analysing ${this.total} files`);
  }

  /** Erases the line (nothing when none was shown). */
  done(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }

  private show(text: string): void {
    this.shown = true;
    this.write(`\r\x1b[Kwsplint: ${text}`);
  }
}

/** Progress is shown on a terminal, or when asked (WSPLINT_PROGRESS=1: CI logs, tests). */
export function wantsProgress(stderrIsTTY: boolean | undefined): boolean {
  return stderrIsTTY === true || process.env.WSPLINT_PROGRESS === '1';
}
