import type { PaymentRecord } from '../../../../connectors/statements/payment-record.js';
import type { ExpectedPaymentRecord } from '../../../../subgraphs/commerce/reconciliation/ledger.js';
import { matchPayments, type MatchResult } from '../../../../subgraphs/commerce/reconciliation/matcher.rules.js';
import { LedgerTable, PaymentTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

const DAY_START = Date.parse('2026-11-01T00:00:00+07:00');
const DAY_END = Date.parse('2026-11-02T00:00:00+07:00');

export interface MatchedTables {
  payments: PaymentTable;
  ledger: LedgerTable;
  result: MatchResult;
}

/**
 * A day's statement and ledger of `orders` orders, loaded as an import loads them (the ledger
 * first, the statement's references resolved against it), and matched. Mostly plain items, with
 * texts JSON must escape or write as UTF-8 now and then (quotes, backslashes, tabs, Vietnamese,
 * emoji), coded and uncoded payers on either side or none, amounts beyond Uint32, producers' ids
 * in ASCII or not (never empty: the ledger refuses that); and exceptions between them: short
 * payments, unpaid orders, unknown references, split payments, payments without a reference,
 * duplicate rows, reversals.
 */
export function matchedTables(orders: number): MatchedTables {
  const expected: ExpectedPaymentRecord[] = [];
  const rows: PaymentRecord[] = [];
  let line = 1;
  const pay = (k: number, transactionId: string, reference: string | null, amountVnd: number, extra: Partial<PaymentRecord> = {}) =>
    rows.push({
      provider: 'viettel-money', transactionId, reference, kind: 'PAYMENT', originalTransactionId: null, amountVnd, feeVnd: k % 9,
      occurredAt: new Date(DAY_START + k * 1000 + 30_000), status: 'SUCCESS', payer: k % 3 === 0 ? null : k % 3 === 1 ? '0912***678' : 'Trần "B"', line: ++line, ...extra,
    });
  for (let k = 0; k < orders; k++) {
    const reference = k % 7 === 0 ? `DH"\\${k}\t😀` : k % 11 === 0 ? `ĐH-${k}` : `DH-${k}`;
    const amountVnd = k % 17 === 0 ? 5_000_000_000 + k : 1000 * k + 1;
    expected.push({
      id: k % 13 === 0 ? `o"${k}\\` : `o${k}`,
      reference,
      amountVnd,
      expectedAt: new Date(DAY_START + k * 1000),
      payer: k % 19 === 0 ? '0123456789012345' : k % 4 === 0 ? null : k % 4 === 1 ? '0987***321' : k % 4 === 2 ? 'Nguyễn Văn "A"\n' : '',
      producerId: k % 5 === 0 ? 'htx-Đức' : `p${k % 3}`,
    });
    const transactionId = k % 29 === 0 ? `GD-Đức-${k}` : `T${k}`;
    const j = k % 50;
    if (j === 3) pay(k, transactionId, reference, amountVnd - 1000);
    else if (j === 4) continue;
    else if (j === 6) pay(k, transactionId, `ZZ-${k}`, amountVnd);
    else if (j === 8) {
      pay(k, transactionId, reference, 1000);
      pay(k, `${transactionId}b`, reference, amountVnd - 1000);
    } else if (j === 12) pay(k, transactionId, null, amountVnd, { payer: null });
    else if (j === 21) {
      pay(k, transactionId, reference, amountVnd);
      pay(k, transactionId, reference, amountVnd);
    } else if (j === 33) {
      pay(k, transactionId, reference, amountVnd);
      pay(k, `R${k}`, null, amountVnd, { kind: 'REVERSAL', originalTransactionId: transactionId, feeVnd: 0 });
    } else pay(k, transactionId, reference, amountVnd);
  }
  const ledger = new LedgerTable();
  for (const e of expected) ledger.push(e);
  const payments = new PaymentTable(ledger);
  for (const r of rows) payments.push(r);
  const result = matchPayments(payments, ledger, { toleranceMs: 120 * 60_000, periodStart: DAY_START, periodEnd: DAY_END });
  ledger.releaseLookups();
  return { payments, ledger, result };
}
