import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../../../../subgraphs/commerce/orders/buyer-mask.rules.js';

describe('commerce: the buyer mask', () => {
  it('keeps the first letter of each word and the last three digits', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N***** V** A*');
    expect(maskName('  Lò   Thị Hoa ')).toBe('L* T** H**');
    expect(maskName('')).toBe('');
    expect(maskPhone('0912 345 678')).toBe('*******678');
    expect(maskPhone('+84912345678')).toBe('********678');
    expect(maskPhone('12')).toBe('**');
  });

  it('never shows more than three digits of a phone, nor a whole word of a name (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 20, unit: fc.constantFrom(...'0123456789 +.-') }), (phone) => {
        const masked = maskPhone(phone);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(3);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 2, maxLength: 8, unit: fc.constantFrom(...'abcđêơưàộ') }), { minLength: 1, maxLength: 4 }), (words) => {
        const masked = maskName(words.join(' ')).split(' ');
        masked.forEach((m, i) => expect(m).not.toBe(words[i]));
      }),
    );
  });
});
