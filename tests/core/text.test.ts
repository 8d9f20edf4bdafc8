import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, nfc } from '../../core/text.js';

/** Vietnamese letters with every tone and vowel mark, upper and lower case, and some separators. */
const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'];
const letters = fc.constantFrom(...VIETNAMESE, ...VIETNAMESE.map((c) => c.toUpperCase()), ' ', '  ', '-', '1');
const text = fc.array(letters, { maxLength: 40 }).map((chars) => chars.join(''));

describe('core: text folding for search', () => {
  it('folds the pilot\'s names', () => {
    expect(foldForSearch('Bí xanh')).toBe('bi xanh');
    expect(foldForSearch('  Lặc   LÀY  ')).toBe('lac lay');
    expect(foldForSearch('Đậu đỏ')).toBe('dau do');
    expect(nfc('  Nam Thu\u031Bo\u031B\u0300ng ')).toBe('Nam Thường');
  });

  it('leaves only lower-case letters without marks, digits and single spaces (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const folded = foldForSearch(value);
        expect(folded).toMatch(/^[a-z0-9 -]*$/);
        expect(folded).not.toMatch(/^ | $| {2}/);
      }),
    );
  });

  it('is idempotent and ignores case, the Unicode form and spacing (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const folded = foldForSearch(value);
        expect(foldForSearch(folded)).toBe(folded);
        expect(foldForSearch(value.toUpperCase())).toBe(folded);
        expect(foldForSearch(value.normalize('NFD'))).toBe(folded);
        expect(foldForSearch(value.replace(/ /g, '   '))).toBe(folded);
      }),
    );
  });

  it('finds a name by any part of it typed without marks (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (name, a, b) => {
        const folded = foldForSearch(name);
        const [from, to] = [a % (folded.length + 1), b % (folded.length + 1)].sort((x, y) => x - y);
        const typed = folded.slice(from, to).trim();
        expect(foldForSearch(name).includes(foldForSearch(typed))).toBe(true);
      }),
    );
  });
});
