import { describe, expect, it } from 'vitest';
import { checkCitizenId, checkPhone, optionalCitizenId, optionalPhone, requirePhone } from '../../../subgraphs/shared/contact.rules.js';

describe('shared: phone and citizen-id rules', () => {
  it('normalises Vietnamese phone numbers to their national form and keeps foreign ones in E.164', () => {
    for (const written of ['0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678', '(0912) 345-678']) {
      expect(checkPhone(written)).toEqual({ ok: true, value: '0912345678' });
    }
    expect(checkPhone('0211 3851 234')).toEqual({ ok: true, value: '02113851234' });
    expect(checkPhone('+33 6 12 34 56 78')).toEqual({ ok: true, value: '+33612345678' });
    for (const bad of ['12345', '912345678', '+84 12', 'abc', '+0123456789']) expect(checkPhone(bad).ok, bad).toBe(false);
  });

  it('accepts a 12-digit CCCD or a 9-digit CMND, ignoring spaces', () => {
    expect(checkCitizenId('017 090 000 001')).toEqual({ ok: true, value: '017090000001' });
    expect(checkCitizenId('113456789')).toEqual({ ok: true, value: '113456789' });
    for (const bad of ['12', '0170900000011', '01709000000A']) expect(checkCitizenId(bad).ok, bad).toBe(false);
  });

  it('throws InvalidInputError on the field; empty optional values are null', () => {
    expect(() => requirePhone('12', 'input.phone')).toThrow(expect.objectContaining({ kind: 'INVALID_INPUT', field: 'input.phone' }));
    expect(optionalPhone('  ', 'input.phone')).toBeNull();
    expect(optionalCitizenId(undefined, 'input.citizenId')).toBeNull();
    expect(() => optionalCitizenId('12345', 'input.citizenId')).toThrow(/12 digits/);
  });
});
