import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../../../subgraphs/commerce/reconciliation/progress-reporter.js';

describe('import progress when piped (no terminal)', () => {
  it('writes a line as each phase starts, at most one per interval while it runs, and one when it ends', () => {
    let now = 0;
    const lines: string[] = [];
    const { listener, finish } = progressReporter({ isTTY: false, write: (t: string) => lines.push(t) }, { intervalMs: 5000, now: () => now });
    listener('reading', 0, 40e6);
    now = 1000;
    listener('reading', 10e6, 40e6); // within the interval: nothing
    now = 6000;
    listener('reading', 30e6, 40e6);
    now = 7000;
    listener('matching', 0, 1);
    now = 9000;
    listener('matching', 1, 1);
    listener('storing', 500, 2000);
    now = 15_000;
    listener('storing', 2000, 2000);
    finish();
    finish(); // idempotent
    expect(lines).toEqual([
      'reconcile: reading 0% (0.0/40.0 MB)\n',
      'reconcile: reading 75% (30.0/40.0 MB)\n',
      'reconcile: reading (30.0/40.0 MB) done in 7.0 s\n',
      'reconcile: matching 0% (0/1 steps)\n',
      'reconcile: matching (1/1 steps) done in 2.0 s\n',
      'reconcile: storing 25% (500/2,000 items)\n',
      'reconcile: storing 100% (2,000/2,000 items)\n',
      'reconcile: storing (2,000/2,000 items) done in 6.0 s\n',
    ]);
  });
});
