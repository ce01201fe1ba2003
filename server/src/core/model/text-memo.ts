/**
 * Values computed from a piece of a file's text (a function's header, a body), kept from one version
 * of the file to the next: a keystroke changes one function, and the others' facts are found by their
 * text instead of being read again from the new tree. An entry not asked for by a version is dropped at
 * the version after it, so the memo stays the size of the file.
 */
export class TextMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  get(key: string, compute: () => V): V {
    if (this.current.has(key)) return this.current.get(key) as V;
    const v = this.previous.has(key) ? (this.previous.get(key) as V) : compute();
    this.current.set(key, v);
    return v;
  }

  /** A new version of the file begins: what the last one used stays available to it. */
  turn(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
