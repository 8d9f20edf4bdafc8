import { parsePlainTotal, PLAIN_VND } from './amounts.js';
import type { PaymentRow } from './payment-record.js';
import { readPayer, readReference, readTransactionId, Spelling, type StatementReader } from './reader.js';
import { RowError } from './row-error.js';
import { VIETNAM_OFFSET_MINUTES, WallClockLayout } from './times.js';

/**
 * ViViet (LienVietPostBank, now LPBank) wallet account statement: ASSUMED layout (README.md,
 * sample in samples/viviet-2026-11-01.tsv). A bank-style tab-separated export: three title lines,
 * then an unaccented header; booking date (dd-MM-yyyy) beside the transaction time
 * (dd-MM-yyyy HH:mm, Vietnam time, no seconds); plain amounts ("150000", sometimes "150000.00");
 * money in "Ghi co" (credit) and reversals out in "Ghi no" (debit) naming the original in
 * "So tham chieu goc"; fee 0 on almost every row (charged monthly), gross amounts; a closing
 * "TONG CONG" totals line, required and checked (reader.ts). Only posted rows are exported: every row is SUCCESS.
 */
type Column = 'booked' | 'time' | 'txn' | 'ref' | 'text' | 'credit' | 'debit' | 'fee' | 'currency' | 'original' | 'counterparty';

const TIME = new WallClockLayout('dd-MM-yyyy HH:mm', VIETNAM_OFFSET_MINUTES);
const VND = new Spelling('VND');

export const vivietReader: StatementReader<Column> = {
  provider: 'viviet',
  displayName: 'ViViet (LienVietPostBank)',
  delimiter: '\t',
  quote: false,
  preambleLines: 3,
  amountFormat: PLAIN_VND,
  columns: {
    booked: 'Ngay hach toan',
    time: 'Ngay giao dich',
    txn: 'So tham chieu',
    ref: 'Ma thanh toan',
    text: 'Dien giai',
    credit: 'Ghi co',
    debit: 'Ghi no',
    fee: 'Phi',
    currency: 'Loai tien',
    original: 'So tham chieu goc',
    counterparty: 'Tai khoan doi ung',
  },
  controlLine: {
    name: 'TONG CONG',
    read(row) {
      if (row.text('booked').trim().toUpperCase() !== 'TONG CONG') return null;
      return {
        paymentsVnd: parsePlainTotal(row.text('credit') || '0', 'TONG CONG "Ghi co"'),
        reversalsVnd: parsePlainTotal(row.text('debit') || '0', 'TONG CONG "Ghi no"'),
        feesVnd: parsePlainTotal(row.text('fee') || '0', 'TONG CONG "Phi"'),
      };
    },
  },
  parseRow(row, line, into: PaymentRow): true {
    if (!readTransactionId(row, 'txn', false, into)) throw new RowError('"So tham chieu" (transaction id) is empty');
    if (!row.is('currency', VND)) throw new RowError(`"Loai tien" is "${row.text('currency')}", not VND: the hub reconciles đồng only`);
    const occurredAtMs = row.instant('time', TIME, '"Ngay giao dich"');
    const credit = row.isEmpty('credit') ? 0 : row.amount('credit', PLAIN_VND, '"Ghi co"');
    const debit = row.isEmpty('debit') ? 0 : row.amount('debit', PLAIN_VND, '"Ghi no"');
    if ((credit > 0) === (debit > 0)) throw new RowError('exactly one of "Ghi co" (credit) and "Ghi no" (debit) must be above 0');
    const feeVnd = row.isEmpty('fee') ? 0 : row.amount('fee', PLAIN_VND, '"Phi"');
    const original = row.text('original');
    if (debit > 0 && !original) throw new RowError('a debit (reversal) row must name "So tham chieu goc"');
    readReference(row, 'ref', false, into);
    readPayer(row, 'counterparty', false, into);
    into.provider = 'viviet';
    into.kind = debit > 0 ? 'REVERSAL' : 'PAYMENT';
    into.originalTransactionId = original || null;
    into.amountVnd = credit || debit;
    into.feeVnd = feeVnd;
    into.occurredAtMs = occurredAtMs;
    into.status = 'SUCCESS';
    into.line = line;
    return true;
  },
};
