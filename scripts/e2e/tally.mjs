// The runner's own bookkeeping of checks: each extension-host test and each UI check is one check.
export class Tally {
  passed = [];
  failed = [];
  skipped = [];

  pass(title) {
    this.passed.push(title);
    console.log(`  ✓ ${title}`);
  }

  fail(title, error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.failed.push({ title, error: text });
    console.log(`  ✗ ${title}\n${text.split('\n').map((l) => `      ${l}`).join('\n')}`);
  }

  skip(title, reason) {
    this.skipped.push({ title, reason });
    console.log(`  - ${title} (pending: ${reason})`);
  }

  /** Runs one check; its failure is recorded, never thrown. Returns whether it passed. */
  async check(title, fn) {
    try {
      const r = await fn();
      if (r && typeof r === 'object' && 'skip' in r) {
        this.skip(title, r.skip);
        return false;
      }
      this.pass(title);
      return true;
    } catch (e) {
      this.fail(title, e);
      return false;
    }
  }

  /** The closing line that CI reads. */
  summary() {
    const skipped = this.skipped.length ? `, ${this.skipped.length} skipped` : '';
    return `e2e: ${this.passed.length} passed, ${this.failed.length} failed${skipped}`;
  }
}
