import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelimitedRecords, DelimitedStructureError, MAX_RECORD_BYTES, type DelimitedFormat } from '../../../connectors/statements/delimited-records.js';

interface Read {
  records: { line: number; values: string[] }[];
  error?: DelimitedStructureError;
}

/** Every record of `bytes` fed in chunks cut at `cuts`, with the line each starts on. */
function readRecords(format: DelimitedFormat, bytes: Buffer, cuts: number[] = []): Read {
  const records: Read['records'] = [];
  const reader = new DelimitedRecords(format);
  const onRecord = () => records.push({ line: reader.line, values: reader.values() });
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const to of [...at, bytes.length]) {
      reader.push(bytes.subarray(from, to), onRecord);
      from = to;
    }
    reader.end(onRecord);
  } catch (error) {
    if (!(error instanceof DelimitedStructureError)) throw error;
    return { records, error };
  }
  return { records };
}

/** What csv-parse gives with the options the statement readers used before: the reference. */
function csvParse(format: DelimitedFormat, bytes: Buffer): string[][] | 'refused' {
  try {
    return parse(bytes, { delimiter: format.delimiter, quote: format.quote === false ? null : format.quote, bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    return 'refused';
  }
}

const formats: DelimitedFormat[] = [
  { delimiter: ',', quote: '"' },
  { delimiter: ';', quote: '"' },
  { delimiter: '\t', quote: false },
];

/** Texts made of the characters that matter: delimiters, quotes, every line end, BOMs, Vietnamese. */
const awkwardText = fc
  .array(fc.constantFrom('a', 'Đ', 'ệ', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', '12', 'x"y', '"q"', '\ufeff'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('delimited records: the records csv-parse gives, straight from the bytes', () => {
  it('agrees with csv-parse on random texts, however they are cut into chunks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.boolean(), awkwardText, fc.array(fc.nat(), { maxLength: 6 }), (format, bom, text, cuts) => {
        const bytes = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
        const expected = csvParse(format, bytes);
        const read = readRecords(format, bytes, cuts);
        if (expected === 'refused') expect(read.error).toBeInstanceOf(DelimitedStructureError);
        else {
          expect(read.error).toBeUndefined();
          expect(read.records.map((r) => r.values)).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on mostly plain lines, the fast path, with a quoted field now and then', () => {
    const line = fc.array(fc.oneof(fc.constantFrom('T1', 'DH-9', '150.000', 'Thành công', ''), fc.constantFrom('"a,b"', '"x""y"', '"l1\nl2"')), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), (lines, end, lastEnd, cuts) => {
        const text = lines.map((fields) => fields.join(',')).join(end) + (lastEnd ? end : '');
        const bytes = Buffer.from(text, 'utf8');
        const read = readRecords(formats[0], bytes, cuts);
        expect(read.error).toBeUndefined();
        expect(read.records.map((r) => r.values)).toEqual(csvParse(formats[0], bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives each record the line it starts on, counting line breaks inside quoted fields', () => {
    const bytes = Buffer.from('h1,h2\r\n\r\na,"x\r\ny\r\nz"\r\nb,c\r\n"""q""",d', 'utf8');
    for (const cuts of [[], [1, 9, 10, 15, 16, 17], Array.from({ length: bytes.length }, (_, k) => k)]) {
      const { records, error } = readRecords(formats[0], bytes, cuts);
      expect(error).toBeUndefined();
      expect(records).toEqual([
        { line: 1, values: ['h1', 'h2'] },
        { line: 2, values: [''] },
        { line: 3, values: ['a', 'x\r\ny\r\nz'] },
        { line: 6, values: ['b', 'c'] },
        { line: 7, values: ['"q"', 'd'] },
      ]);
    }
  });

  it('refuses broken quoting with the line of the record and what is wrong', () => {
    const refusal = (text: string) => readRecords(formats[0], Buffer.from(text, 'utf8')).error;
    expect(refusal('a,b\nc,d"e\n')).toMatchObject({ line: 2, message: expect.stringMatching(/^field 2 of the record on line 2 has a quote inside it/) });
    expect(refusal('a,b\n"c"d,e\n')).toMatchObject({ line: 2, message: expect.stringMatching(/^field 1 of the record on line 2 goes on after its closing quote \("d"\)/) });
    expect(refusal('a,b\nc,"d\ne,f\n')).toMatchObject({ line: 2, message: 'a quoted field opened on line 2 is never closed' });
    // The records before the break were read.
    expect(readRecords(formats[0], Buffer.from('a,b\nc,d"e\n', 'utf8')).records).toEqual([{ line: 1, values: ['a', 'b'] }]);
  });

  it('reads a UTF-16LE file (Excel "Unicode Text") as its text, like csv-parse', () => {
    const text = 'Mã\tSố tiền\r\nT1\t150.000\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const cuts of [[], [1, 2, 3, 5, 8, 13]]) {
      const read = readRecords(formats[2], bytes, cuts);
      expect(read.records.map((r) => r.values)).toEqual([
        ['Mã', 'Số tiền'],
        ['T1', '150.000'],
      ]);
      expect(read.records.map((r) => r.values)).toEqual(csvParse(formats[2], bytes));
    }
  });

  it('refuses a line longer than a megabyte instead of gathering a file without line ends in memory', () => {
    const reader = new DelimitedRecords(formats[0]);
    const chunk = Buffer.alloc(256 * 1024, 'a');
    let records = 0;
    const feed = () => {
      for (let k = 0; k < 8; k++) reader.push(chunk, () => records++);
    };
    expect(feed).toThrow(new DelimitedStructureError(1, `a line longer than ${MAX_RECORD_BYTES} bytes: this is not a statement`));
    expect(records).toBe(0);
  });
});
