import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readerFor } from '../../../../connectors/statements/registry.js';
import { statementHashes } from '../../../../subgraphs/commerce/reconciliation/content-hash.js';
import { parsePeriod } from '../../../../subgraphs/commerce/reconciliation/period.js';
import { loadStatement, StatementRejectedError } from '../../../../subgraphs/commerce/reconciliation/statement-load.js';
import { readStatementAside } from '../../../../subgraphs/commerce/reconciliation/statement-read.js';
import { LedgerTable, type PaymentTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statement-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = '\ufeffSTT,Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
const row = (k: number, ref: string, amount = '150.000', time = '01/11/2026 08:00:00', status = 'Thành công') =>
  `${k},T${k},${ref},${time},${amount},1.650,VND,${status},Thanh toán,,0901234${String(k % 1000).padStart(3, '0')}\n`;

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

/** The ledger the statement is matched against: some references known, some not. */
function ledger(): LedgerTable {
  const table = new LedgerTable();
  for (let k = 0; k < 3000; k += 2) table.pushValues(`O${k}`, `DH-${k}`, 150_000, Date.parse('2026-11-01T01:00:00Z'), null, 'p1');
  return table;
}

function rowsOf(table: PaymentTable, against: LedgerTable) {
  return Array.from({ length: table.length }, (_, i) => ({
    transactionId: table.transactionId(i),
    reference: table.reference(i),
    ledgerRow: table.ledgerRow(i, against),
    amount: table.amount[i],
    fee: table.fee[i],
    time: table.time[i],
    line: table.line[i],
    payer: table.payer(i),
  }));
}

const request = (at: string) => ({ provider: 'viettel-money', file: at, period: '2026-11-01', source: path.basename(at) });

describe('a statement read on a worker thread', () => {
  it('gives the table, counts and hashes of the same file read here against the ledger, sized ahead from its first rows', async () => {
    // Enough rows to be sized ahead after the first chunk, with references the ledger lacks, a quoted field and a failed row.
    const lines = Array.from({ length: 6000 }, (_, k) => (k === 17 ? row(k, '"DH-17"') : k === 40 ? row(k, 'DH-40', '150.000', '01/11/2026 08:00:00', 'Thất bại') : row(k, k % 3 ? `DH-${k}` : `ZZ-${k}`)));
    const at = file('good.csv', header + lines.join(''));
    const progress: number[] = [];
    const aside = readStatementAside(request(at));
    aside.onBytes((bytes) => progress.push(bytes));
    const read = await aside.result;
    const against = ledger();
    read.table.resolveReferences(against);

    const here = ledger();
    const loaded = await loadStatement(readerFor('viettel-money'), createReadStream(at, { highWaterMark: 256 * 1024 }), { period: parsePeriod('2026-11-01'), source: 'good.csv', ledger: here });
    expect({ rows: read.rows, ignoredRows: read.ignoredRows, lastLine: read.lastLine }).toEqual({ rows: loaded.rows, ignoredRows: loaded.ignoredRows, lastLine: loaded.lastLine });
    expect(rowsOf(read.table, against)).toEqual(rowsOf(loaded.table, here));
    expect(read.table.length).toBe(5999);
    expect(read.hashes).toEqual(await statementHashes(at));
    expect(progress.at(-1)).toBe(statSync(at).size);
  });

  it('refuses a bad file with every problem and its line, as reading it here does', async () => {
    const at = file('bad.csv', header + row(1, 'DH-1') + row(2, 'DH-2', '1,5') + row(3, 'DH-3', '150.000', '05/12/2026 08:00:00') + row(4, 'DH-4', 'abc'));
    const aside = await readStatementAside(request(at)).result.catch((e: unknown) => e);
    const here = await loadStatement(readerFor('viettel-money'), createReadStream(at), { period: parsePeriod('2026-11-01'), source: 'bad.csv' }).catch((e: unknown) => e);
    expect(aside).toBeInstanceOf(StatementRejectedError);
    const rejected = aside as StatementRejectedError;
    expect(rejected.total).toBe(3);
    expect(rejected.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(rejected.message).toBe((here as StatementRejectedError).message);
  });

  it('stops at broken quoting with the line, and fails plainly on a file that is gone', async () => {
    const at = file('quotes.csv', header + row(1, 'DH-1') + row(2, 'DH"2'));
    const broken = (await readStatementAside(request(at)).result.catch((e: unknown) => e)) as StatementRejectedError;
    expect(broken).toBeInstanceOf(StatementRejectedError);
    expect(broken.errors[0].message).toMatch(/^quotes\.csv:3: the file is not valid Viettel Money CSV: field 3 of the record on line 3 has a quote inside it/);
    const gone = await readStatementAside(request(path.join(dir, 'gone.csv'))).result.catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(Error);
    expect((gone as Error).message).toMatch(/ENOENT/);
  });

  it('can be cancelled: the worker stops, and its answer is never delivered', async () => {
    const at = file('cancelled.csv', header + Array.from({ length: 20_000 }, (_, k) => row(k, `DH-${k}`)).join(''));
    const aside = readStatementAside(request(at));
    aside.cancel();
    const outcome = await Promise.race([aside.result.then(() => 'read', () => 'refused'), new Promise((resolve) => setTimeout(() => resolve('nothing'), 1000))]);
    expect(outcome).toBe('nothing');
  });
});
