import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyTextRows } from '../../../../subgraphs/commerce/reconciliation/copy-text-rows.js';

type Row = [string | null, number, string];

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** A value as COPY TO writes it in its text format. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\b\f\n\r\t\v]/g, (c) => ESCAPES[c]);
}

function copyText(rows: readonly Row[]): Buffer {
  return Buffer.from(rows.map((row) => row.map(copyField).join('\t') + '\n').join(''), 'utf8');
}

/** The rows of `chunks`, read as (text or null, integer, text). */
function parse(chunks: readonly Buffer[]): Row[] {
  const out: Row[] = [];
  const rows = new CopyTextRows(3, (row) => out.push([row.textOrNull(0), row.integer(1), row.text(2)]));
  for (const chunk of chunks) rows.push(chunk);
  rows.end();
  expect(rows.rows).toBe(out.length);
  return out;
}

/** `bytes` cut at `cuts` (any numbers: taken modulo the length, sorted), each piece in a buffer of its own. */
function chunked(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].toSorted((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    chunks.push(Buffer.from(bytes.subarray(from, cut)));
    from = cut;
  }
  return chunks;
}

/** Characters COPY escapes, text that looks like its escapes, and multibyte UTF-8 of every length. */
const tricky = fc.constantFrom('\t', '\n', '\r', '\\', '\b', '\f', '\v', '\\N', 'N', 'n', 't', 'Nguyễn', 'Nguye\u0302\u0303n', 'đ', '€', '😀', '👨‍👩‍👧', 'a', ' ', '"', "'");
const text = fc.oneof(
  fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => Buffer.from(s, 'utf8').toString('utf8') === s),
);
const row: fc.Arbitrary<Row> = fc.tuple(fc.option(text, { nil: null }), fc.oneof(fc.integer(), fc.constantFrom(0, -1, 10_000_000_000, 2 ** 53 - 1, -(2 ** 53 - 1), 1_777_777_777_123)), text);

describe('CopyTextRows', () => {
  it('reads every row back, however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 40 }), (rows, cuts) => {
        expect(parse(chunked(copyText(rows), cuts))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('reads rows cut at every byte: inside multibyte characters, escapes and \\N', () => {
    const rows: Row[] = [
      ['Nguyễn\tVăn\nA\\B\rC', 1, '😀\\N'],
      [null, -42, '\\N'],
      ['\\N', 2 ** 53 - 1, 'e\u0302\u0303\b\f\v'],
      ['', 0, ''],
      ['x'.repeat(70_000) + 'ệ', 10_000_000_000, '👨‍👩‍👧'],
    ];
    const bytes = copyText(rows);
    expect(parse(chunked(bytes, Array.from({ length: 2_000 }, (_, k) => k)))).toEqual(rows);
    expect(parse([bytes])).toEqual(rows);
    // A multibyte character split by the cut, alone in its chunk.
    const cut = bytes.indexOf(Buffer.from('ễ')) + 1;
    expect(parse([bytes.subarray(0, cut), bytes.subarray(cut, cut + 1), bytes.subarray(cut + 1)])).toEqual(rows);
  });

  it('tells NULL from the text \\N and from an empty text', () => {
    expect(parse([Buffer.from('\\N\t1\t\\\\N\n\t2\t\n\\\\N\t3\tx\n')])).toEqual([
      [null, 1, '\\N'],
      ['', 2, ''],
      ['\\N', 3, 'x'],
    ]);
  });

  it('fails on what COPY TO does not write', () => {
    const fails = (text: string) => () => parse([Buffer.from(text)]);
    expect(fails('a\t1\n')).toThrow(/2 fields, not 3/);
    expect(fails('a\t1\tb\tc\n')).toThrow(/more than 3 fields/);
    expect(fails('a\t1\tb')).toThrow(/ended inside row 1/);
    expect(fails('a\t1x\tb\n')).toThrow(/not an integer/);
    expect(fails('a\t\tb\n')).toThrow(/not an integer/);
    expect(fails('a\t-\tb\n')).toThrow(/not an integer/);
    expect(fails('a\t\\N\tb\n')).toThrow(/not an integer/);
    expect(fails('a\t9007199254740993\tb\n')).toThrow(/beyond 2\^53/);
    expect(fails('a\t1\t\\N\n')).toThrow(/field 3 is NULL/);
    expect(fails('a\\x\t1\tb\n')).toThrow(/escape COPY TO does not write/);
    expect(fails('a\\\t1\tb\n')).toThrow(/escape COPY TO does not write/);
  });
});
