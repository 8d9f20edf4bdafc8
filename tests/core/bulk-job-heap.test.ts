import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MB = 1024 * 1024;
const heapModule = path.resolve('dist/core/bulk-job-heap.js');

/**
 * A process that allocates as a bulk job does (short-lived rows, a share of them kept for a while)
 * and reports the size its young generation reached, with or without useBulkJobHeap.
 */
function youngGenerationAfterBulkWork(useIt: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    ${useIt ? `const { useBulkJobHeap } = await import(${JSON.stringify(heapModule)}); useBulkJobHeap();` : ''}
    let kept = [];
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 100_000; i++) {
        const row = { id: 'T' + i, reference: 'DH-' + round + '-' + i, amount: i * 1000 };
        if (i % 4 === 0) kept.push(row);
      }
      if (kept.length > 200_000) kept = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
    const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(space.space_size);
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout.trim());
}

describe('the heap of a bulk job (useBulkJobHeap)', () => {
  it('keeps the young generation at 16 MB where it would grow to twice that', () => {
    const plain = youngGenerationAfterBulkWork(false);
    const bulk = youngGenerationAfterBulkWork(true);
    expect(plain).toBeGreaterThan(16 * MB);
    expect(bulk).toBeLessThanOrEqual(16 * MB);
    expect(bulk).toBeGreaterThan(4 * MB);
  });
});
