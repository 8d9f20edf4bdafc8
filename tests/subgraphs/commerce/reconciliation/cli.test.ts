import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSubgraphCommands } from '../../../../core/subgraph.js';
import { openDatabase } from '../../../../core/db/database.js';
import { commerceDefinition } from '../../../../subgraphs/commerce/definition.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { ALL_OUTCOMES_LEDGER, ALL_OUTCOMES_STATEMENT, insertExpected, reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

describe('hub reconcile', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment();
    const orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    await insertExpected(orm.em.fork(), ALL_OUTCOMES_LEDGER);
    await orm.close(true);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await env?.cleanup();
  });

  async function hub(...args: string[]): Promise<string> {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void lines.push(parts.join(' ')));
    try {
      const program = new Command().exitOverride();
      registerSubgraphCommands(program, commerceDefinition, () => env.config);
      await program.parseAsync(['node', 'hub', 'reconcile', ...args]);
      return lines.join('\n');
    } finally {
      log.mockRestore();
    }
  }

  it('imports, prints the summary table and writes the items to CSV; a second import adds nothing', async () => {
    const file = writeFile(env.dataDir, 'vtm.csv', ALL_OUTCOMES_STATEMENT);
    const csv = path.join(env.dataDir, 'items.csv');
    const out = await hub('--provider', 'viettel-money', '--file', file, '--period', '2026-11-01', '--csv', csv, '--as', 'ke-toan');
    expect(out).toMatch(/^Run [0-9a-f-]{36}: viettel-money, period 2026-11-01, vtm.csv, version 1/);
    expect(out).toMatch(/ MATCHED\s+\|\s+3\n/);
    expect(out).toMatch(/ MISSING_IN_STATEMENT\s+\|\s+2\n/);
    expect(out).toMatch(/ gross paid \(VND\)\s+\|\s+675\.000\n/);
    // VND per outcome beside the counts: paid (net of reversals) / expected.
    expect(out).toMatch(/ MATCHED paid \/ expected \(VND\)\s+\|\s+480\.000 \/ [\d.]+\n/);
    expect(out).toMatch(/ MISSING_IN_LEDGER paid \/ expected \(VND\)\s+\|\s+45\.000 \/ 0\n/);
    expect(out).toContain('Wrote 8 items to');
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trim().split('\n');
    expect(rows[0]).toBe(
      'run_id,provider,period,version,seq,outcome,rule,references,transaction_ids,statement_lines,expected_payment_ids,producer_ids,payer,paid_vnd,reversed_vnd,fee_vnd,expected_vnd,open_vnd,paid_at,expected_at,resolution_category,resolved_by,resolved_at,resolution_notes,carried_from_item,settled_by_run',
    );
    expect(rows).toHaveLength(9);
    const runId = /^Run ([0-9a-f-]{36})/.exec(out)![1];
    expect(rows[5]).toBe(`${runId},viettel-money,2026-11-01,1,4,MATCHED,COMBINED_PAYMENT,CK-7,A5,6,o7a o7b,p1 p2,,330000,0,3630,330000,0,2026-11-01T11:00:00+07:00,2026-11-01T10:58:00+07:00,,,,,,`);

    const again = await hub('--provider', 'viettel-money', '--file', file, '--period', '2026-11-01');
    expect(again).toMatch(/vtm.csv was already imported \(same SHA-256\) as run .*: nothing was added/);
  });

  it('fails with the line numbers of a bad file', async () => {
    const file = writeFile(env.dataDir, 'bad.csv', `${VIETTEL_HEADER}1,X1,DH-1,01/11/2026 08:00:00,"1.500,5",0,VND,Thành công,Thanh toán,,\n`);
    await expect(hub('--provider', 'viettel-money', '--file', file, '--period', '2026-11-01')).rejects.toThrow(/bad.csv:2: "Số tiền" "1.500,5" has a fraction of a đồng/);
    await expect(hub('--provider', 'zalopay', '--file', file, '--period', '2026-11-01')).rejects.toThrow(/Unknown statement provider "zalopay"/);
  });
});
