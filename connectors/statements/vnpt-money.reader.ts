import { HUNDREDTHS_VND, MAX_ROW_VND } from './amounts.js';
import type { PaymentRow, PaymentStatus } from './payment-record.js';
import { readPayer, readReference, readTransactionId, Spelling, type StatementReader } from './reader.js';
import { RowError } from './row-error.js';
import { WallClockLayout } from './times.js';

/**
 * VNPT Money partner reconciliation file: ASSUMED layout (README.md, sample in
 * samples/vnpt-money-2026-11-01.csv). Semicolon-separated, upper-case English header, compact
 * timestamps yyyyMMddHHmmss in UTC, amounts × 100 (gateway style: 15000000 = 150.000 đồng), and
 * AMOUNT is NET (what reaches the merchant) with FEE beside it: gross = AMOUNT + FEE.
 * Status codes: 00 success, 01 pending, anything else failed. TRANS_TYPE PAY or REFUND.
 */
type Column = 'txn' | 'ref' | 'time' | 'amount' | 'fee' | 'currency' | 'status' | 'type' | 'original' | 'payer';

const TIME = new WallClockLayout('yyyyMMddHHmmss', 0);
const [VND, VND_NUMERIC, SUCCESS, PAY] = ['VND', '704', '00', 'PAY'].map((text) => new Spelling(text));

function statusOf(code: string): PaymentStatus {
  if (code === '00') return 'SUCCESS';
  if (code === '01') return 'PENDING';
  if (/^\d{2}$/.test(code)) return 'FAILED';
  throw new RowError(`STATUS "${code}" is not a two-digit status code (00 success, 01 pending, others failed)`);
}

export const vnptMoneyReader: StatementReader<Column> = {
  provider: 'vnpt-money',
  displayName: 'VNPT Money',
  delimiter: ';',
  quote: '"',
  preambleLines: 0,
  amountFormat: HUNDREDTHS_VND,
  columns: {
    txn: 'TRANS_ID',
    ref: 'PARTNER_REF',
    time: 'TRANS_TIME',
    amount: 'AMOUNT',
    fee: 'FEE',
    currency: 'CURRENCY',
    status: 'STATUS',
    type: 'TRANS_TYPE',
    original: 'ORIGINAL_TRANS_ID',
    payer: 'PAYER',
  },
  parseRow(row, line, into: PaymentRow): true {
    if (!readTransactionId(row, 'txn', false, into)) throw new RowError('TRANS_ID is empty');
    // ISO 4217 numeric 704 is VND too.
    if (!row.is('currency', VND) && !row.is('currency', VND_NUMERIC)) throw new RowError(`CURRENCY is "${row.text('currency')}", not VND: the hub reconciles đồng only`);
    const status = row.is('status', SUCCESS) ? 'SUCCESS' : statusOf(row.text('status'));
    const type = row.is('type', PAY) ? 'PAY' : row.text('type');
    if (type !== 'PAY' && type !== 'REFUND') throw new RowError(`TRANS_TYPE "${type}" is not PAY or REFUND`);
    const occurredAtMs = row.instant('time', TIME, 'TRANS_TIME', 'yyyyMMddHHmmss (UTC)');
    const net = row.amount('amount', HUNDREDTHS_VND, 'AMOUNT');
    const feeVnd = row.isEmpty('fee') ? 0 : row.amount('fee', HUNDREDTHS_VND, 'FEE');
    const amountVnd = net + feeVnd;
    if (amountVnd > MAX_ROW_VND) throw new RowError(`AMOUNT + FEE is ${amountVnd} đồng, above the per-row maximum of 10.000.000.000 đồng: check the file's number format`);
    if (amountVnd === 0) throw new RowError('AMOUNT and FEE are 0: a transaction moves a positive amount');
    const original = row.text('original');
    if (type === 'REFUND' && !original) throw new RowError('a REFUND row must name ORIGINAL_TRANS_ID');
    readReference(row, 'ref', false, into);
    readPayer(row, 'payer', false, into);
    into.provider = 'vnpt-money';
    into.kind = type === 'REFUND' ? 'REVERSAL' : 'PAYMENT';
    into.originalTransactionId = original || null;
    into.amountVnd = amountVnd;
    into.feeVnd = feeVnd;
    into.occurredAtMs = occurredAtMs;
    into.status = status;
    into.line = line;
    return true;
  },
};
