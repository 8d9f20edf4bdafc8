import { foldForSearch } from '../../core/text.js';
import { DOT_GROUPED_VND } from './amounts.js';
import type { PaymentRow, PaymentStatus } from './payment-record.js';
import { readPayer, readReference, readTransactionId, Spelling, type RowFields, type StatementReader } from './reader.js';
import { RowError } from './row-error.js';
import { VIETNAM_OFFSET_MINUTES, WallClockLayout } from './times.js';

/**
 * Viettel Money merchant statement: ASSUMED layout (no public one exists; README.md, sample in
 * samples/viettel-money-2026-11-01.csv). Comma-separated UTF-8 (with BOM), Vietnamese header,
 * times dd/MM/yyyy HH:mm:ss in Vietnam time, amounts grouped with dots ("150.000"), GROSS amount
 * with the fee in its own column, refunds as rows of type "Hoàn tiền" naming the original.
 */
type Column = 'txn' | 'ref' | 'time' | 'amount' | 'fee' | 'currency' | 'status' | 'type' | 'original' | 'phone';

const STATUS: Record<string, PaymentStatus> = { 'thanh cong': 'SUCCESS', 'dang xu ly': 'PENDING', 'that bai': 'FAILED' };
const TIME = new WallClockLayout('dd/MM/yyyy HH:mm:ss', VIETNAM_OFFSET_MINUTES);

const folded = new Map<string, string>();
/** Status and type texts compared without case or diacritics; a file has a handful of them, so cached. */
function fold(value: string): string {
  let f = folded.get(value);
  if (f === undefined) {
    f = foldForSearch(value);
    if (folded.size < 1000) folded.set(value, f);
  }
  return f;
}

/** The spellings nearly every row has, folded ahead: their bytes are compared in place, no string made. */
const COMMON_SPELLINGS = ['Thành công', 'Thanh toán', 'Hoàn tiền'].map((text) => [new Spelling(text), foldForSearch(text)] as const);
const VND = new Spelling('VND');

/** The field folded (fold), from its bytes when it is one of the common spellings. */
function foldedField(row: RowFields<Column>, column: 'status' | 'type'): string {
  for (const [spelling, f] of COMMON_SPELLINGS) if (row.is(column, spelling)) return f;
  return fold(row.text(column));
}

export const viettelMoneyReader: StatementReader<Column> = {
  provider: 'viettel-money',
  displayName: 'Viettel Money',
  delimiter: ',',
  quote: '"',
  preambleLines: 0,
  amountFormat: DOT_GROUPED_VND,
  columns: {
    txn: 'Mã giao dịch',
    ref: 'Mã đơn hàng',
    time: 'Thời gian giao dịch',
    amount: 'Số tiền',
    fee: 'Phí giao dịch',
    currency: 'Loại tiền',
    status: 'Trạng thái',
    type: 'Loại giao dịch',
    original: 'Mã giao dịch gốc',
    phone: 'Số điện thoại',
  },
  parseRow(row, line, into: PaymentRow): true {
    if (!readTransactionId(row, 'txn', true, into)) throw new RowError('"Mã giao dịch" (transaction id) is empty');
    if (!row.is('currency', VND)) {
      const currency = row.text('currency').trim();
      if (currency !== 'VND') throw new RowError(`"Loại tiền" is "${currency}", not VND: the hub reconciles đồng only`);
    }
    const status = STATUS[foldedField(row, 'status')];
    if (!status) throw new RowError(`"Trạng thái" "${row.text('status')}" is not one of Thành công, Đang xử lý, Thất bại`);
    const typeText = foldedField(row, 'type');
    if (typeText !== 'thanh toan' && typeText !== 'hoan tien') throw new RowError(`"Loại giao dịch" "${row.text('type')}" is not Thanh toán or Hoàn tiền`);
    const kind = typeText === 'hoan tien' ? 'REVERSAL' : 'PAYMENT';
    const occurredAtMs = row.instant('time', TIME, '"Thời gian giao dịch"');
    const amountVnd = row.amount('amount', DOT_GROUPED_VND, '"Số tiền"');
    if (amountVnd === 0) throw new RowError('"Số tiền" is 0: a transaction moves a positive amount');
    const feeVnd = row.isEmpty('fee') ? 0 : row.amount('fee', DOT_GROUPED_VND, '"Phí giao dịch"');
    const original = row.isEmpty('original') ? '' : row.text('original').trim();
    if (kind === 'REVERSAL' && !original) throw new RowError('a "Hoàn tiền" row must name "Mã giao dịch gốc" (the payment it refunds)');
    readReference(row, 'ref', true, into);
    readPayer(row, 'phone', true, into);
    into.provider = 'viettel-money';
    into.kind = kind;
    into.originalTransactionId = original || null;
    into.amountVnd = amountVnd;
    into.feeVnd = feeVnd;
    into.occurredAtMs = occurredAtMs;
    into.status = status;
    into.line = line;
    return true;
  },
};
