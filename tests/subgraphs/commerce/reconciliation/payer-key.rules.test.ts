import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../../connectors/statements/payment-record.js';
import { matchPayments } from '../../../../subgraphs/commerce/reconciliation/matcher.rules.js';
import { payerKey, payerKeysCompatible } from '../../../../subgraphs/commerce/reconciliation/payer-key.rules.js';
import { resultItems } from '../../../../subgraphs/commerce/reconciliation/result-items.js';
import { LedgerTable, PaymentTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

describe('payer keys', () => {
  it.each([
    ['84868***123', '0868***123'],
    ['+84868***123', '0868***123'],
    ['+84 868 123 123', '0868123123'],
    ['0868.123.123', '0868123123'],
    ['0868xxx123', '0868***123'],
    ['84243 123 4567', '02431234567'],
    ['012345****89', '012345****89'],
    ['  ', null],
  ])('%s → %s', (raw, key) => {
    expect(payerKey(raw)).toBe(key);
  });

  it('folds names: NFD and NFC, case, diacritics and spaces', () => {
    const nfc = 'Nguyễn Thị Hoà';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(payerKey(nfd)).toBe('nguyen thi hoa');
    expect(payerKey('NGUYEN  THI HOA')).toBe(payerKey(nfc));
    expect(payerKey('Đỗ Văn Đức')).toBe('do van duc');
  });

  it('the three forms of any mobile number share one key, and its masked forms are compatible with it (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[35789]\d{8}$/), fc.integer({ min: 1, max: 6 }), (rest, from) => {
        const national = payerKey(`0${rest}`);
        expect(payerKey(`84${rest}`)).toBe(national);
        expect(payerKey(`+84${rest}`)).toBe(national);
        const masked = `84${rest.slice(0, from)}***${rest.slice(from + 3)}`;
        expect(payerKeysCompatible(payerKey(masked), national)).toBe(true);
      }),
    );
  });

  it('masked digits match any digit, but nothing else differs', () => {
    expect(payerKeysCompatible('0987***321', '0987654321')).toBe(true);
    expect(payerKeysCompatible('0987***321', '0987654322')).toBe(false);
    expect(payerKeysCompatible('0987***321', '09876543210')).toBe(false);
  });
});

describe('matching uses the keys and shows the raw payer', () => {
  const DAY_START = Date.parse('2026-11-01T00:00:00+07:00');
  const DAY_END = Date.parse('2026-11-02T00:00:00+07:00');
  const payment = (payer: string): PaymentRecord => ({
    provider: 'vnpt-money',
    transactionId: 'VP1',
    reference: null,
    kind: 'PAYMENT',
    originalTransactionId: null,
    amountVnd: 150_000,
    feeVnd: 0,
    occurredAt: new Date('2026-11-01T08:00:00+07:00'),
    status: 'SUCCESS',
    payer,
    line: 2,
  });

  function items(statementPayer: string, ledgerPayer: string) {
    const p = new PaymentTable();
    p.push(payment(statementPayer));
    const l = new LedgerTable();
    l.push({ id: 'o1', reference: 'DH-1', amountVnd: 150_000, expectedAt: new Date('2026-11-01T07:58:00+07:00'), payer: ledgerPayer, producerId: 'p1' });
    const result = matchPayments(p, l, { toleranceMs: 7_200_000, periodStart: DAY_START, periodEnd: DAY_END });
    return [...resultItems(p, l, result)].map((i) => [i.outcome, i.rule, i.payer]);
  }

  it("VNPT's 84868***123 pays the ledger's 0868123123", () => {
    expect(items('84868***123', '0868123123')).toEqual([['MATCHED', 'AMOUNT_TIME', '84868***123']]);
  });

  it('an NFD payer name pays the NFC one', () => {
    expect(items('NGUYỄN VĂN A'.normalize('NFD'), 'Nguyễn Văn A')).toEqual([['MATCHED', 'AMOUNT_TIME', 'NGUYỄN VĂN A'.normalize('NFD')]]);
  });

  it('another phone is still another payer', () => {
    expect(items('84868***124', '0868123123').map((i) => i[0])).toEqual(['MISSING_IN_LEDGER', 'MISSING_IN_STATEMENT']);
  });
});
