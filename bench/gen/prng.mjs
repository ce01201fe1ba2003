// Seeded random numbers (mulberry32), so a tree generated twice is the same byte for byte.

export class Rng {
  /** @param {number} seed */
  constructor(seed) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** @template T @param {readonly T[]} xs @returns {T} */
  pick(xs) {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }
  /** @template T @param {readonly T[]} xs @param {number} n @returns {T[]} n distinct items */
  sample(xs, n) {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }
}
