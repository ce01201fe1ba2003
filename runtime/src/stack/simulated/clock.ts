/**
 * Virtual time. Nothing in the simulated stack happens on its own: timers fire only when the snippet
 * waits (select, an event wait, Sleep, a blocking call), so a run is deterministic and never sleeps.
 */
export interface Timer {
  due: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

export type WaitOutcome = 'done' | 'timeout' | 'never';

export class Clock {
  private current = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.current;
  }

  schedule(delayMs: number, run: () => void): Timer {
    const timer: Timer = { due: this.current + Math.max(0, delayMs), seq: this.seq++, run, cancelled: false };
    this.timers.push(timer);
    return timer;
  }

  cancel(timer: Timer): void {
    timer.cancelled = true;
    this.timers = this.timers.filter((t) => t !== timer);
  }

  /** True while something is scheduled (a wait can still see the state change). */
  hasPending(): boolean {
    return this.timers.length > 0;
  }

  /** Fires every timer already due: what a zero-length wait lets happen. */
  settle(): void {
    for (let next = this.next(); next && next.due <= this.current; next = this.next()) this.fire(next);
  }

  /**
   * Advances time until `ready()` holds or `deadline` passes (null: no deadline). 'never' means no
   * deadline and nothing left that could make `ready()` true.
   */
  runUntil(ready: () => boolean, deadline: number | null): WaitOutcome {
    this.settle();
    for (;;) {
      if (ready()) return 'done';
      const next = this.next();
      if (!next || (deadline !== null && next.due > deadline)) {
        if (deadline === null) return 'never';
        this.current = Math.max(this.current, deadline);
        return ready() ? 'done' : 'timeout';
      }
      this.fire(next);
    }
  }

  private next(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    return best;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.current = Math.max(this.current, timer.due);
    timer.run();
  }
}
