import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { importExpectedPayments } from '../../../../subgraphs/commerce/reconciliation/expected-payment-import.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { reconciliationOnly, writeFile } from './fixtures.js';

/**
 * `hub import payments` reads a CSV file twice: every row is checked first, then the file is read
 * again and written in one transaction. A file that changes in between (an export still being
 * written, a colleague saving over it) must not be half-imported: the second pass notices and
 * nothing stays written. The change is made exactly between the passes, when the second reading
 * starts (before its stream opens the file).
 */
const between = vi.hoisted(() => ({ readings: 0, change: null as (() => void) | null }));

vi.mock('../../../../subgraphs/commerce/reconciliation/expected-payment-csv.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../subgraphs/commerce/reconciliation/expected-payment-csv.js')>();
  return {
    ...actual,
    readExpectedPaymentCsv: (...args: Parameters<typeof actual.readExpectedPaymentCsv>) => {
      if (++between.readings === 2) between.change?.();
      return actual.readExpectedPaymentCsv(...args);
    },
  };
});

const HEADER = 'id,provider,reference,amountVnd,expectedAt,payer,producerId\n';
const row = (k: number) => `cho-${k},viettel-money,CHO-${k},${150_000 + k},2026-11-01 08:00,0987654321,p1\n`;
const rows = (count: number) => Array.from({ length: count }, (_, k) => row(k + 1)).join('');

describe('hub import payments: a file that changes between its two readings', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterEach(() => {
    between.readings = 0;
    between.change = null;
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const importFile = async (file: string) => {
    const orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    try {
      return await importExpectedPayments(orm.em.fork(), { file, format: 'csv', source: 'payments.csv' });
    } finally {
      await orm.close(true);
    }
  };
  const storedCount = async () => {
    const orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    try {
      return await orm.em.fork().count(ExpectedPayment, {});
    } finally {
      await orm.close(true);
    }
  };

  it('a row added in between: refused, naming both counts, and nothing written', async () => {
    const file = writeFile(env.dataDir, 'grown.csv', HEADER + rows(3));
    between.change = () => writeFileSync(file, HEADER + rows(4));
    await expect(importFile(file)).rejects.toThrow('payments.csv changed while it was being imported (3 rows, then 4): nothing was imported; run the import again.');
    expect(between.readings).toBe(2);
    expect(await storedCount()).toBe(0);
  });

  it('a row spoiled in between, after batches were written: refused at its line, and the batches written before it are rolled back', async () => {
    // Large enough to come in several batches (one per chunk read), the spoiled row in the last.
    const count = 5_000;
    const file = writeFile(env.dataDir, 'spoiled.csv', HEADER + rows(count));
    between.change = () => writeFileSync(file, HEADER + rows(count - 1) + row(count).replace(`,${150_000 + count},`, ',a lot,'));
    await expect(importFile(file)).rejects.toThrow(`payments.csv changed while it was being imported (line ${count + 1}): nothing was imported; run the import again.`);
    expect(await storedCount()).toBe(0);
  });

  it('the same file unchanged imports every row (the two readings agree)', async () => {
    const file = writeFile(env.dataDir, 'same.csv', HEADER + rows(3));
    between.change = () => writeFileSync(file, HEADER + rows(3));
    expect(await importFile(file)).toMatchObject({ rows: 3, created: 3, problems: 0 });
    expect(await storedCount()).toBe(3);
  });
});
