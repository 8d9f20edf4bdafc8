import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../../connectors/statements/payment-record.js';
import { readStatement } from '../../../../connectors/statements/reader.js';
import { readerFor } from '../../../../connectors/statements/registry.js';
import { payerKey } from '../../../../subgraphs/commerce/reconciliation/payer-key.rules.js';
import { parsePeriod } from '../../../../subgraphs/commerce/reconciliation/period.js';
import { loadStatement } from '../../../../subgraphs/commerce/reconciliation/statement-load.js';
import { LedgerTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

/**
 * Transaction ids, references and payers go into the payment table as the file's bytes when they
 * are plain ASCII (PaymentRow, RowFields.isAsciiText), and as text otherwise. Either way the table
 * holds what the reader's text of the field is, the same as the records readStatement give, and
 * the payer's matching key is payerKey of that text.
 */
const FIELDS: [string, string, string][] = [
  ['T1', 'DH-1', '0987654321'],
  ['"T2"', '"DH-2"', '"0912***678"'],
  ['"T""3"', '"DH-""3"', '"09""12"'],
  [' T4 ', ' DH-4 ', ' 0987654321 '],
  ['T5\t', '\tDH-5', '0987654321\t'],
  ['Đ6', 'ĐH-6', 'Nguyễn Văn A'],
  ['T7', '', ''],
  ['T8', ' ', ' '],
  ['Te\u0301-9', 'DH-9\u00a0', 'Nguye\u0302\u0303n'],
  ['T-10', 'DH-1', '84912***456'],
  ['T-11', 'DH-11', 'NGUYEN VAN A'],
  ['T-12', 'DH-12', '09876543210123456789'],
  ['T-13', 'DH-13', '0*1*2'],
  ['T-14', 'DH-14', '0868 123 123'],
  ['T-15', 'DH-15', '0'],
];

const files: Record<string, (txn: string, ref: string, payer: string, k: number) => string> = {
  'viettel-money': (txn, ref, payer, k) => `${k},${txn},${ref},01/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,${payer}`,
  'vnpt-money': (txn, ref, payer) => `${txn};${ref};20261101011530;14835000;165000;VND;00;PAY;;${payer}`,
  viviet: (txn, ref, payer) => `01-11-2026\t01-11-2026 07:45\t${txn}\t${ref}\tTT\t200000\t0\t0\tVND\t\t${payer}`,
};
const headers: Record<string, string> = {
  'viettel-money': 'STT,Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại',
  'vnpt-money': 'TRANS_ID;PARTNER_REF;TRANS_TIME;AMOUNT;FEE;CURRENCY;STATUS;TRANS_TYPE;ORIGINAL_TRANS_ID;PAYER',
  viviet: 'SAO KE\nChu tai khoan: X\nTu ngay: 01-11-2026\nNgay hach toan\tNgay giao dich\tSo tham chieu\tMa thanh toan\tDien giai\tGhi co\tGhi no\tPhi\tLoai tien\tSo tham chieu goc\tTai khoan doi ung',
};

function statement(provider: string): string {
  // ViViet quotes nothing: a quote is data there, and the tab variants would split its fields.
  const fields = provider === 'viviet' ? FIELDS.filter((f) => !/["\t]/.test(f.join(''))) : FIELDS;
  const rows = fields.map(([txn, ref, payer], k) => files[provider](txn, ref, payer, k + 1));
  const total = provider === 'viviet' ? [`TONG CONG\t\t\t\t\t${200000 * rows.length}\t0\t0\t\t\t`] : [];
  return [headers[provider], ...rows, ...total].join('\n') + '\n';
}

describe('statement rows: transaction ids, references and payers read in place', () => {
  for (const provider of ['viettel-money', 'vnpt-money', 'viviet']) {
    it(`${provider}: the payment table holds the texts the reader gives, in place or not, with or without a ledger`, async () => {
      const reader = readerFor(provider);
      const text = statement(provider);
      const records: PaymentRecord[] = [];
      for await (const r of readStatement(reader, Readable.from([Buffer.from(text)]), { source: 's' })) records.push(r);
      expect(records.length).toBeGreaterThanOrEqual(7);
      const period = parsePeriod('2026-11-01');
      // Without a ledger (the worker's way), cut into small chunks, and with one (references it knows held once).
      const chunks = Buffer.from(text).reduce<Buffer[]>((all, _, k, bytes) => (k % 7 === 0 ? [...all, bytes.subarray(k, k + 7)] : all), []);
      const ledger = new LedgerTable();
      ledger.pushValues('o1', 'DH-1', 150_000, Date.UTC(2026, 10, 1, 1), null, 'p1');
      for (const [how, loaded] of [
        ['alone', await loadStatement(reader, Readable.from(chunks), { period, source: 's' })],
        ['with a ledger', await loadStatement(reader, Readable.from([Buffer.from(text)]), { period, source: 's', ledger })],
      ] as const) {
        const table = loaded.table;
        if (how === 'alone') table.resolveReferences(ledger);
        const read = Array.from({ length: table.length }, (_, i) => [table.transactionId(i), table.reference(i), table.payer(i), table.payerKey(i)]);
        expect(read, `${provider}, ${how}`).toEqual(records.map((r) => [r.transactionId, r.reference, r.payer, payerKey(r.payer)]));
      }
    });
  }

  it('gives Viettel Money fields trimmed and the others as they are', async () => {
    const texts = async (provider: string) => {
      const out: [string, string | null, string | null][] = [];
      for await (const r of readStatement(readerFor(provider), Readable.from([Buffer.from(statement(provider))]), { source: 's' })) out.push([r.transactionId, r.reference, r.payer]);
      return out;
    };
    expect((await texts('viettel-money')).slice(0, 8)).toEqual([
      ['T1', 'DH-1', '0987654321'],
      ['T2', 'DH-2', '0912***678'],
      ['T"3', 'DH-"3', '09"12'],
      ['T4', 'DH-4', '0987654321'],
      ['T5', 'DH-5', '0987654321'],
      ['Đ6', 'ĐH-6', 'Nguyễn Văn A'],
      ['T7', null, null],
      ['T8', null, null],
    ]);
    expect((await texts('vnpt-money')).slice(3, 5)).toEqual([
      [' T4 ', ' DH-4 ', ' 0987654321 '],
      ['T5\t', '\tDH-5', '0987654321\t'],
    ]);
  });
});
