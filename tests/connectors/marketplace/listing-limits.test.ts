import { describe, expect, it } from 'vitest';
import { listingLimitProblems } from '../../../connectors/marketplace/listing-limits.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';

const ok = { name: 'Cải mầm Hợp Kim', description: 'Rau sạch', category: 'vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 20_000, stock: 100, images: [] };
const limits = (code: string) => MARKETPLACE_ADAPTERS.find((a) => a.code === code)!.limits;

describe('listing limits declared by the adapters', () => {
  it('accept an ordinary product at every marketplace', () => {
    for (const adapter of MARKETPLACE_ADAPTERS) expect(listingLimitProblems(adapter.limits, ok)).toEqual([]);
  });

  it.each([
    ['VOSO', { priceVnd: 999 }, 'PRICE'],
    ['VOSO', { priceVnd: 100_000_001 }, 'PRICE'],
    ['POSTMART', { stock: 100_001 }, 'STOCK'],
    ['POSTMART', { name: 'Cả' }, 'NAME_LENGTH'],
    ['VOSO', { description: 'x'.repeat(3001) }, 'DESCRIPTION_LENGTH'],
    ['POSTMART', { description: 'x'.repeat(5001) }, 'DESCRIPTION_LENGTH'],
    ['POSTMART', { unit: 'g' }, 'UNIT'],
    ['VOSO', { category: 'seafood' }, 'CATEGORY'],
    ['VOSO', { netWeightGrams: 100_001 }, 'WEIGHT'],
    ['POSTMART', { unit: 'quả', netWeightGrams: null }, 'WEIGHT'],
    ['POSTMART', { images: Array.from({ length: 10 }, (_, i) => `https://a/${i}`) }, 'IMAGES'],
  ])('%s refuses %o (%s)', (code, change, rule) => {
    expect(listingLimitProblems(limits(code), { ...ok, ...change }).map((p) => p.rule)).toEqual([rule]);
  });

  it('count characters, not UTF-16 units, and map units the adapters way (case, NFC)', () => {
    expect(listingLimitProblems(limits('VOSO'), { ...ok, name: '𠀀'.repeat(120) })).toEqual([]);
    expect(listingLimitProblems(limits('VOSO'), { ...ok, unit: 'QUẢ' })).toEqual([]);
  });
});
