import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyBinaryRows } from '../../../../subgraphs/commerce/reconciliation/copy-binary-rows.js';

/** (text or null, int8, timestamptz as Unix ms with its microseconds, text) */
type Row = [string | null, number, { ms: number; us: number }, string];
/** What a row reads as: the instant floored to the millisecond. */
type Read = [string | null, number, number, string];

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const POSTGRES_EPOCH_MS = 946_684_800_000;

const int8 = (value: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(value);
  return b;
};
const field = (bytes: Buffer | null) => {
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes ? bytes.length : -1);
  return bytes ? [length, bytes] : [length];
};
const count = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};

/** The header PostgreSQL writes (no OIDs), with `extension` bytes of header extension. */
function header(extension = 0, flags = 0): Buffer {
  const words = Buffer.alloc(8);
  words.writeUInt32BE(flags, 0);
  words.writeUInt32BE(extension, 4);
  return Buffer.concat([SIGNATURE, words, Buffer.alloc(extension, 7)]);
}

/** Rows as COPY … TO STDOUT WITH (FORMAT binary) writes them, trailer included. */
function copyBinary(rows: readonly Row[], extension = 0): Buffer {
  const parts: Buffer[] = [header(extension)];
  for (const [a, n, at, b] of rows) {
    const micros = BigInt(at.ms - POSTGRES_EPOCH_MS) * 1000n + BigInt(at.us);
    parts.push(count(4), ...field(a === null ? null : Buffer.from(a, 'utf8')), ...field(int8(BigInt(n))), ...field(int8(micros)), ...field(Buffer.from(b, 'utf8')));
  }
  parts.push(count(-1));
  return Buffer.concat(parts);
}

function parse(chunks: readonly Buffer[]): Read[] {
  const out: Read[] = [];
  const rows = new CopyBinaryRows(4, (row) => out.push([row.textOrNull(0), row.int8(1), row.timestampMs(2), row.text(3)]));
  for (const chunk of chunks) rows.push(chunk);
  rows.end();
  expect(rows.rows).toBe(out.length);
  return out;
}

const asRead = ([a, n, at, b]: Row): Read => [a, n, at.ms, b];

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

/** What the text format had to escape, and multibyte UTF-8 of every length: here all of it is plain bytes. */
const tricky = fc.constantFrom('\t', '\n', '\r', '\\', '\\N', 'N', 'Nguyễn', 'Nguye\u0302\u0303n', 'đ', '€', '😀', '👨‍👩‍👧', 'a', ' ', '"', '\u0000x');
const text = fc.oneof(
  fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => Buffer.from(s, 'utf8').toString('utf8') === s),
);
const SAFE = 2 ** 53 - 1;
const amount = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 32 - 1, 2 ** 32, 10_000_000_000, SAFE, -SAFE, 1_777_777_777_123));
// Instants from 1900 to 2200, before and after PostgreSQL's epoch, with microseconds.
const instant = fc.record({ ms: fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }), us: fc.integer({ min: 0, max: 999 }) });
const row: fc.Arbitrary<Row> = fc.tuple(fc.option(text, { nil: null }), amount, instant, text);

describe('CopyBinaryRows', () => {
  it('reads every row back, however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 40 }), fc.constantFrom(0, 0, 5), (rows, cuts, extension) => {
        expect(parse(chunked(copyBinary(rows, extension), cuts))).toEqual(rows.map(asRead));
      }),
      { numRuns: 500 },
    );
  });

  it('reads rows cut at every byte: inside lengths, integers and multibyte characters', () => {
    const rows: Row[] = [
      ['Nguyễn\tVăn\nA\\B\rC', 1, { ms: Date.UTC(2026, 10, 1), us: 999 }, '😀\\N'],
      [null, -42, { ms: POSTGRES_EPOCH_MS - 1, us: 1 }, ''],
      ['', SAFE, { ms: POSTGRES_EPOCH_MS, us: 0 }, 'e\u0302\u0303'],
      ['x'.repeat(70_000) + 'ệ', 10_000_000_000, { ms: 0, us: 500 }, '👨‍👩‍👧'],
    ];
    const bytes = copyBinary(rows);
    expect(parse(chunked(bytes, Array.from({ length: 2_000 }, (_, k) => k)))).toEqual(rows.map(asRead));
    expect(parse([bytes])).toEqual(rows.map(asRead));
  });

  it('floors an instant to the millisecond as a Date does, before 1970 and before 2000 too', () => {
    const at = (ms: number, us: number) => parse([copyBinary([['a', 1, { ms, us }, 'b']])])[0][2];
    expect(at(Date.UTC(2026, 10, 1, 8, 30), 999)).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(at(POSTGRES_EPOCH_MS - 1, 999)).toBe(POSTGRES_EPOCH_MS - 1);
    expect(at(-1, 1)).toBe(-1);
    expect(new Date(at(-86_400_000, 0)).toISOString()).toBe('1969-12-31T00:00:00.000Z');
  });

  it('tells NULL from an empty text', () => {
    expect(parse([copyBinary([[null, 1, { ms: 0, us: 0 }, ''], ['', 2, { ms: 0, us: 0 }, 'x']])]).map((r) => [r[0], r[3]])).toEqual([
      [null, ''],
      ['', 'x'],
    ]);
  });

  it('fails on what a COPY of the query does not write', () => {
    const one = copyBinary([['a', 1, { ms: 0, us: 0 }, 'b']]);
    const rowAt = header().length;
    const fails = (bytes: Buffer) => () => parse([bytes]);
    expect(fails(Buffer.from('a\t1\tb\n'))).toThrow(/not in the binary format/);
    expect(fails(Buffer.concat([header(0, 1 << 16), count(-1)]))).toThrow(/has OIDs/);
    expect(fails(header().subarray(0, 14))).toThrow(/ended inside its header/);
    expect(fails(Buffer.alloc(0))).toThrow(/ended inside its header/);
    expect(fails(one.subarray(0, one.length - 2))).toThrow(/without its trailer/);
    expect(fails(one.subarray(0, one.length - 5))).toThrow(/ended inside row 1/);
    expect(fails(Buffer.concat([header(), count(3), ...field(Buffer.from('a')), count(-1)]))).toThrow(/3 fields, not 4/);
    expect(fails(Buffer.concat([one, count(-1)]))).toThrow(/after its trailer/);
    const withFields = (...fields: (Buffer | null)[]) => Buffer.concat([header(), count(4), ...fields.flatMap(field), count(-1)]);
    const ts = int8(0n);
    expect(fails(withFields(Buffer.from('a'), Buffer.alloc(4), ts, Buffer.from('b')))).toThrow(/field 2 is 4 bytes, not an int8/);
    expect(fails(withFields(Buffer.from('a'), null, ts, Buffer.from('b')))).toThrow(/field 2 is NULL, not an int8/);
    expect(fails(withFields(Buffer.from('a'), int8(2n ** 53n), ts, Buffer.from('b')))).toThrow(/beyond 2\^53/);
    expect(fails(withFields(Buffer.from('a'), int8(1n), int8(2n ** 63n - 1n), Buffer.from('b')))).toThrow(/not a finite instant/);
    expect(fails(withFields(Buffer.from('a'), int8(1n), ts, null))).toThrow(/field 4 is NULL/);
    const badLength = Buffer.from(one);
    badLength.writeInt32BE(-2, rowAt + 2);
    expect(fails(badLength)).toThrow(/length of -2/);
  });
});
