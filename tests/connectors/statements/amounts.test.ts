import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOT_GROUPED_VND, HUNDREDTHS_VND, MAX_ROW_VND, parsePlainTotal, PLAIN_VND } from '../../../connectors/statements/amounts.js';
import { RowError } from '../../../connectors/statements/row-error.js';

const reason = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(RowError);
    return (error as Error).message;
  }
  throw new Error('expected a RowError');
};

describe('Viettel Money amounts: dots group thousands, optional ",00"', () => {
  it.each([
    ['150.000', 150_000],
    ['1.250.000', 1_250_000],
    ['880', 880],
    ['0', 0],
    ['150.000,00', 150_000],
    ['10.000.000.000', MAX_ROW_VND],
  ])('reads %s as %d đồng', (text, vnd) => {
    expect(DOT_GROUPED_VND.parse(text, '"Số tiền"')).toBe(vnd);
  });

  it('refuses "150,000" instead of reading 150 đồng: the comma is the decimal mark, the text is ambiguous', () => {
    expect(reason(() => DOT_GROUPED_VND.parse('150,000', '"Số tiền"'))).toBe(
      '"Số tiền" "150,000" is not an amount in this layout\'s format, dots group thousands, optional ",00" (e.g. 1.250.000 or 1.250.000,00): a comma here is the decimal mark, so "150,000" could mean 150 or 150.000 đồng; the row is refused rather than guessed',
    );
  });

  it.each(['150000', '1,250,000', '15.00', '1.2500', '.150', '0150', '150.000,000', '150 000', '-150.000', '150.000,0'])('refuses %s', (text) => {
    expect(reason(() => DOT_GROUPED_VND.parse(text, '"Số tiền"'))).toMatch(/is not an amount in this layout's format/);
  });

  it('refuses a fraction of a đồng and a row above the per-row maximum', () => {
    expect(reason(() => DOT_GROUPED_VND.parse('150.000,50', 'x'))).toMatch(/has a fraction of a đồng/);
    expect(reason(() => DOT_GROUPED_VND.parse('10.000.000.001', 'x'))).toMatch(/above the per-row maximum of 10.000.000.000 đồng/);
    expect(reason(() => DOT_GROUPED_VND.parse('1.000.000.000.000.000.000', 'x'))).toMatch(/above the per-row maximum/);
  });

  it('reads back every amount it would write (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROW_VND }), (n) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(DOT_GROUPED_VND.parse(text, 'x')).toBe(n);
        // The same digits grouped with commas are never read as a smaller amount.
        if (n >= 1000) expect(() => DOT_GROUPED_VND.parse(text.replaceAll('.', ','), 'x')).toThrow(RowError);
      }),
    );
  });
});

describe('ViViet amounts: plain digits, optional ".00"', () => {
  it('reads "150000" and "150000.00"', () => {
    expect(PLAIN_VND.parse('150000', 'x')).toBe(150_000);
    expect(PLAIN_VND.parse('150000.00', 'x')).toBe(150_000);
  });

  it('refuses "200.000" instead of reading 200 đồng', () => {
    expect(reason(() => PLAIN_VND.parse('200.000', '"Ghi co"'))).toBe(
      '"Ghi co" "200.000" is not an amount in this layout\'s format, plain digits, optional ".00" (e.g. 150000 or 150000.00): this layout writes no thousands separator, so "200.000" could mean 200 or 200.000 đồng; the row is refused rather than guessed',
    );
  });

  it.each(['200,000', '1.250.000', '150000.0', '150000.000', '00150000', '1e6', ''])('refuses %s', (text) => {
    expect(() => PLAIN_VND.parse(text, 'x')).toThrow(/is not an amount in this layout's format/);
  });

  it('refuses a fraction and a row above the maximum; a control total has no per-row maximum and stays exact', () => {
    expect(reason(() => PLAIN_VND.parse('150000.50', 'x'))).toMatch(/has a fraction of a đồng/);
    expect(reason(() => PLAIN_VND.parse('1000000000000000', 'x'))).toMatch(/above the per-row maximum/);
    expect(parsePlainTotal('123456789012345678901', 'x')).toBe(123456789012345678901n);
    expect(() => parsePlainTotal('1.000', 'x')).toThrow(RowError);
  });
});

describe('VNPT Money amounts: × 100, digits only', () => {
  it('divides by 100 and refuses anything else', () => {
    expect(HUNDREDTHS_VND.parse('15000000', 'AMOUNT')).toBe(150_000);
    expect(reason(() => HUNDREDTHS_VND.parse('150.000', 'AMOUNT'))).toMatch(/is not an amount × 100/);
    expect(reason(() => HUNDREDTHS_VND.parse('15000050', 'AMOUNT'))).toMatch(/a fraction of a đồng/);
    expect(reason(() => HUNDREDTHS_VND.parse('100000000000000', 'AMOUNT'))).toMatch(/above the per-row maximum/);
    expect(reason(() => HUNDREDTHS_VND.parse('99999999999999999999999', 'AMOUNT'))).toMatch(/above the per-row maximum/);
  });
});

/**
 * The scanners that replaced the formats' regular expressions accept exactly what the expressions
 * accept, with the same value: checked against the expressions themselves on texts made of the
 * characters that matter.
 */
describe('amount scanners agree with the formats as regular expressions', () => {
  const outcome = (f: () => number): string => {
    try {
      return `value ${f()}`;
    } catch (error) {
      return `error ${(error as Error).message}`;
    }
  };
  const amountText = fc.oneof(
    fc.string({ maxLength: 24, unit: fc.constantFrom(...'0123456789.,') }),
    fc.string({ maxLength: 8, unit: fc.constantFrom(...'0019.,- a') }),
    fc.integer({ min: 0, max: 2 * MAX_ROW_VND }).map((n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
    fc.integer({ min: 0, max: 2 * MAX_ROW_VND }).map((n) => `${n}.00`),
  );
  const bounded = (value: number) => Number.isSafeInteger(value) && value <= MAX_ROW_VND;

  it('dots group thousands, optional ",00"', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        const value = DOT_GROUPED_VND.parse.bind(null, text, 'x');
        if (!/^(?:0|[1-9]\d{0,2}(?:\.\d{3})*)(?:,00)?$/.test(text)) expect(outcome(value)).toMatch(/^error .*(is not an amount|has a fraction)/);
        else {
          const expected = Number(text.split(',')[0].replaceAll('.', ''));
          expect(outcome(value)).toBe(bounded(expected) ? `value ${expected}` : outcome(() => DOT_GROUPED_VND.parse('99.999.999.999', 'x')).replace('99.999.999.999', text));
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('plain digits, optional ".00"', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        const value = PLAIN_VND.parse.bind(null, text, 'x');
        if (!/^(?:0|[1-9]\d*)(?:\.00)?$/.test(text)) expect(outcome(value)).toMatch(/^error .*(is not an amount|has a fraction)/);
        else {
          const expected = Number(text.split('.')[0]);
          expect(outcome(value)).toBe(bounded(expected) ? `value ${expected}` : outcome(() => PLAIN_VND.parse('99999999999', 'x')).replace('99999999999', text));
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('scanning a field\'s bytes in place gives what parsing its text gives, or leaves the text to parse (and refuse)', () => {
    const formats = [DOT_GROUPED_VND, PLAIN_VND, HUNDREDTHS_VND];
    const anyText = fc.oneof(amountText, fc.string({ maxLength: 20, unit: fc.constantFrom(...'0123456789') }), fc.string({ maxLength: 6, unit: fc.constantFrom(...'01.,٣é ') }));
    fc.assert(
      fc.property(anyText, fc.nat(2), fc.nat(3), (text, which, padding) => {
        const format = formats[which];
        // The field lies inside a larger buffer, as in a record.
        const bytes = Buffer.from(`${';'.repeat(padding)}${text};`, 'utf8');
        const scanned = format.scan(bytes, padding, bytes.length - 1);
        const parsed = outcome(() => format.parse(text, 'x'));
        if (scanned >= 0) expect(parsed).toBe(`value ${scanned}`);
        else expect(parsed).toMatch(/^error /);
      }),
      { numRuns: 20_000 },
    );
  });
});
