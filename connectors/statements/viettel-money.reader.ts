import { foldForSearch } from '../../core/text.js';
import { DOT_GROUPED_VND } from './amounts.js';
import type { PaymentRow, PaymentStatus } from './payment-record.js';
import type { StatementReader } from './reader.js';
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

/** The spellings nearly every row has, folded ahead: compared as they are, no lookup (a million rows, two texts each). */
const COMMON_SPELLINGS = ['Thành công', 'Thanh toán', 'Hoàn tiền'].map((text) => [text, foldForSearch(text)] as const);
const folded = new Map<string, string>();
/** Status and type texts compared without case or diacritics; a file has a handful of them, so cached. */
function fold(value: string): string {
  for (const [text, f] of COMMON_SPELLINGS) if (value === text) return f;
  let f = folded.get(value);
  if (f === undefined) {
    f = foldForSearch(value);
    if (folded.size < 1000) folded.set(value, f);
  }
  return f;
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
  parseRow(field, line, into: PaymentRow): true {
    const transactionId = field('txn').trim();
    if (!transactionId) throw new RowError('"Mã giao dịch" (transaction id) is empty');
    const currency = field('currency').trim();
    if (currency !== 'VND') throw new RowError(`"Loại tiền" is "${currency}", not VND: the hub reconciles đồng only`);
    const statusText = field('status');
    const status = STATUS[fold(statusText)];
    if (!status) throw new RowError(`"Trạng thái" "${statusText}" is not one of Thành công, Đang xử lý, Thất bại`);
    const typeText = fold(field('type'));
    if (typeText !== 'thanh toan' && typeText !== 'hoan tien') throw new RowError(`"Loại giao dịch" "${field('type')}" is not Thanh toán or Hoàn tiền`);
    const kind = typeText === 'hoan tien' ? 'REVERSAL' : 'PAYMENT';
    const occurredAtMs = TIME.read(field('time'), '"Thời gian giao dịch"');
    const amountVnd = DOT_GROUPED_VND.parse(field('amount'), '"Số tiền"');
    if (amountVnd === 0) throw new RowError('"Số tiền" is 0: a transaction moves a positive amount');
    const feeText = field('fee');
    const feeVnd = feeText === '' ? 0 : DOT_GROUPED_VND.parse(feeText, '"Phí giao dịch"');
    const original = field('original').trim();
    if (kind === 'REVERSAL' && !original) throw new RowError('a "Hoàn tiền" row must name "Mã giao dịch gốc" (the payment it refunds)');
    const ref = field('ref').trim();
    const phone = field('phone').trim();
    into.provider = 'viettel-money';
    into.transactionId = transactionId;
    into.reference = ref || null;
    into.kind = kind;
    into.originalTransactionId = original || null;
    into.amountVnd = amountVnd;
    into.feeVnd = feeVnd;
    into.occurredAtMs = occurredAtMs;
    into.status = status;
    into.payer = phone || null;
    into.line = line;
    return true;
  },
};
