import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { commerceHub, reconciliationOnly, writeFile } from './fixtures.js';

/**
 * `hub import payments` streams a CSV twice (check, then store in one transaction, a batch at a
 * time): files large enough to cross the parser's chunks, the plan's and the inserts' batches.
 */
describe('hub import payments: large CSV files', () => {
  let env: TestEnvironment;
  const ROWS = 20_000;
  const HEADER = 'id,provider,reference,amountVnd,expectedAt,payer,producerId\n';

  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const hub = (...args: string[]) => commerceHub(env, ...args);

  /** Row i (1-based) is on line i + 1; `change` rewrites chosen rows. */
  function csv(prefix: string, rows: number, change: (i: number, row: string) => string = (_, row) => row): string {
    const lines = [HEADER];
    for (let i = 1; i <= rows; i++) {
      const minute = String(i % 60).padStart(2, '0');
      lines.push(change(i, `${prefix}-${i},viettel-money,DH-${i},${10_000 + i},2026-11-01 08:${minute},09${String(i).padStart(8, '0')},p${i % 7}`) + '\n');
    }
    return lines.join('');
  }

  async function storedWith(prefix: string): Promise<{ count: number; sum: number }> {
    const orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    try {
      const rows = await orm.em.fork().find(ExpectedPayment, { id: { $like: `${prefix}-%` } }, { fields: ['amountVnd'] });
      return { count: rows.length, sum: rows.reduce((s, r) => s + r.amountVnd, 0) };
    } finally {
      await orm.close(true);
    }
  }

  const sumOf = (rows: number) => rows * 10_000 + (rows * (rows + 1)) / 2;

  it(`imports ${ROWS} rows fully (after a dry run that writes nothing); importing again changes nothing`, async () => {
    const file = writeFile(env.dataDir, 'big.csv', csv('big', ROWS));
    expect((await hub('import', 'payments', file, '--dry-run')).out).toBe(`big.csv: ${ROWS} expected payments read; ${ROWS} would be created, 0 unchanged.`);
    expect(await storedWith('big')).toEqual({ count: 0, sum: 0 });
    expect((await hub('import', 'payments', file)).out).toBe(`big.csv: ${ROWS} expected payments read; ${ROWS} were created, 0 unchanged.`);
    expect(await storedWith('big')).toEqual({ count: ROWS, sum: sumOf(ROWS) });
    expect((await hub('import', 'payments', file)).out).toBe(`big.csv: ${ROWS} expected payments read; 0 were created, ${ROWS} unchanged.`);
    expect(await storedWith('big')).toEqual({ count: ROWS, sum: sumOf(ROWS) });
  });

  it('a bad row near the end: nothing written, the problem on its line', async () => {
    const file = writeFile(env.dataDir, 'late-bad.csv', csv('late', ROWS, (i, row) => (i === ROWS - 2 ? row.replace('viettel-money', 'momo') : row)));
    const { err, exitCode } = await hub('import', 'payments', file);
    expect(exitCode).toBe(1);
    expect(err.split('\n')).toEqual([
      `late-bad.csv:${ROWS - 1}: provider "momo" is not one of viettel-money, vnpt-money, viviet`,
      `late-bad.csv: 1 problem(s) in ${ROWS} row(s); nothing was imported. Fix the rows and run the import again.`,
    ]);
    expect(await storedWith('late')).toEqual({ count: 0, sum: 0 });
  });

  it('a conflict found in a late batch rolls back the batches written before it; every conflict is listed', async () => {
    // Stored first with other amounts: the big file then conflicts near its end only.
    const early = writeFile(env.dataDir, 'conflict-early.csv', HEADER + [ROWS - 10, ROWS].map((i) => `cf-${i},viettel-money,DH-${i},5,2026-11-01 08:00,,p1\n`).join(''));
    expect((await hub('import', 'payments', early)).out).toBe('conflict-early.csv: 2 expected payments read; 2 were created, 0 unchanged.');
    const file = writeFile(env.dataDir, 'conflict.csv', csv('cf', ROWS));
    const { err, exitCode } = await hub('import', 'payments', file);
    expect(exitCode).toBe(1);
    expect(err.split('\n')).toEqual([
      `conflict.csv:${ROWS - 9}: id "cf-${ROWS - 10}" is already stored with other values (reference DH-${ROWS - 10}, 5 đồng): an expected payment is not changed by an import`,
      `conflict.csv:${ROWS + 1}: id "cf-${ROWS}" is already stored with other values (reference DH-${ROWS}, 5 đồng): an expected payment is not changed by an import`,
      `conflict.csv: 2 problem(s) in ${ROWS} row(s); nothing was imported. Fix the rows and run the import again.`,
    ]);
    expect(await storedWith('cf')).toEqual({ count: 2, sum: 10 });
  });

  it('a quoted field holding line breaks (LF or CRLF) keeps the lines of later rows right', async () => {
    const text = csv('nl', 3_000, (i, row) => {
      if (i === 10) return row.replace('DH-10', '"DH-10\nsecond line\nthird"');
      if (i === 20) return row.replace('DH-20', '"DH-20\r\nsecond"');
      if (i === 2_900) return row.replace('viettel-money', 'momo');
      return row;
    });
    const file = writeFile(env.dataDir, 'newlines.csv', text);
    const { err } = await hub('import', 'payments', file);
    // Row 2900 is on line 2901, plus the three line breaks quoted above it.
    expect(err.split('\n')[0]).toBe('newlines.csv:2904: provider "momo" is not one of viettel-money, vnpt-money, viviet');
    expect(text.split('\n')[2903]).toContain('momo');
  });

  it('a row of the wrong width stops the reading: only that is reported; past 50 problems the rest are counted', async () => {
    const short = writeFile(env.dataDir, 'short.csv', csv('short', 5_000, (i, row) => (i === 4_000 ? 'short-4000,viettel-money' : i === 3 ? row.replace('viettel-money', 'momo') : row)));
    expect((await hub('import', 'payments', short)).err.split('\n')).toEqual([
      'short.csv:4001: the file is not valid CSV (Invalid Record Length: columns length is 7, got 2 on line 4001)',
      'short.csv: 1 problem(s) in 0 row(s); nothing was imported. Fix the rows and run the import again.',
    ]);
    const many = writeFile(env.dataDir, 'many.csv', csv('many', 6_000, (i, row) => (i % 100 === 0 ? row.replace('viettel-money', 'momo') : row)));
    const lines = (await hub('import', 'payments', many)).err.split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[49]).toBe('many.csv:5001: provider "momo" is not one of viettel-money, vnpt-money, viviet');
    expect(lines.slice(50)).toEqual(['... and 10 more', 'many.csv: 60 problem(s) in 6000 row(s); nothing was imported. Fix the rows and run the import again.']);
    expect(await storedWith('short')).toEqual({ count: 0, sum: 0 });
    expect(await storedWith('many')).toEqual({ count: 0, sum: 0 });
  });
});
