import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputLineError } from '../../../core/domain-errors.js';
import { checkProvider, fileHeadLines, identifyProviders } from '../../../connectors/statements/identify.js';
import { readerFor } from '../../../connectors/statements/registry.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../connectors/statements/samples');
const files = {
  'viettel-money': path.join(samples, 'viettel-money-2026-11-01.csv'),
  'vnpt-money': path.join(samples, 'vnpt-money-2026-11-01.csv'),
  viviet: path.join(samples, 'viviet-2026-11-01.tsv'),
} as const;

describe('a statement is recognised by its header', () => {
  it.each(Object.entries(files))('the %s sample is recognised as its own provider only', async (provider, file) => {
    expect(identifyProviders(await fileHeadLines(file)).map((r) => r.provider)).toEqual([provider]);
  });

  it.each([
    ['viettel-money', 'viviet', 4, 'this is a ViViet (LienVietPostBank) statement (its header is on this line), not Viettel Money: import it with provider "viviet"'],
    ['viviet', 'vnpt-money', 1, 'this is a VNPT Money statement (its header is on this line), not ViViet (LienVietPostBank): import it with provider "vnpt-money"'],
    ['vnpt-money', 'viettel-money', 1, 'this is a Viettel Money statement (its header is on this line), not VNPT Money: import it with provider "viettel-money"'],
  ] as const)('a %s import of a %s file is refused naming the right provider', async (asked, actual, line, reason) => {
    const lines = await fileHeadLines(files[actual]);
    let error: unknown;
    try {
      checkProvider(readerFor(asked), lines, 'file.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputLineError);
    expect(error).toMatchObject({ line, reason });
  });

  it('leaves a header of no known layout to the reader (which names the missing columns)', () => {
    expect(() => checkProvider(readerFor('viviet'), ['a,b,c', '1,2,3'], 'x.csv')).not.toThrow();
    expect(identifyProviders(['a,b,c'])).toEqual([]);
  });
});
