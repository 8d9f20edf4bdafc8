import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputLineError } from '../../../core/domain-errors.js';
import { readStatement } from '../../../connectors/statements/reader.js';
import { readerFor } from '../../../connectors/statements/registry.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../connectors/statements/samples');
const sample = readFileSync(path.join(samples, 'viviet-2026-11-01.tsv'), 'utf8');
const reader = readerFor('viviet');

async function read(text: string): Promise<{ count: number; errors: InputLineError[] }> {
  const errors: InputLineError[] = [];
  let count = 0;
  for await (const record of readStatement(reader, Readable.from([Buffer.from(text, 'utf8')]), { source: 'sk.tsv', onError: (e) => errors.push(e) })) {
    expect(record.provider).toBe('viviet');
    count++;
  }
  return { count, errors };
}

describe('ViViet closing TONG CONG line: required and checked', () => {
  it('accepts the sample, whose totals agree with its rows', async () => {
    expect(await read(sample)).toEqual({ count: 5, errors: [] });
  });

  it('refuses a truncated file (no closing line)', async () => {
    const truncated = sample.split('\n').slice(0, 7).join('\n') + '\n';
    const { errors } = await read(truncated);
    expect(errors.map((e) => e.message)).toEqual(['sk.tsv:8: the closing TONG CONG line is missing: the file may be truncated; ask the provider for the whole statement']);
  });

  it('refuses a tampered amount: the rows no longer add up to the stated total', async () => {
    const tampered = sample.replace('\t100000\t0\t0\tVND', '\t1000000\t0\t0\tVND');
    const { errors } = await read(tampered);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(10);
    expect(errors[0].reason).toBe(
      'the TONG CONG line states payments 525000, reversals 200000, fees 0 đồng but the rows add up to payments 1425000, reversals 200000, fees 0 đồng: the file was altered or is incomplete, so it is refused',
    );
  });

  it('refuses a row after the closing line and a closing line with a bad number', async () => {
    const extra = sample + '01-11-2026\t01-11-2026 17:00\tFT9\tDH-9\tx\t1000\t0\t0\tVND\t\t\n';
    expect((await read(extra)).errors.map((e) => [e.line, e.reason])).toEqual([
      [11, 'a row after the closing TONG CONG line (line 10): the file was altered or joined from several exports'],
    ]);
    const bad = sample.replace('TONG CONG\t\t\t\t\t525000', 'TONG CONG\t\t\t\t\t525.000');
    expect((await read(bad)).errors.map((e) => e.line)).toEqual([10, 11]);
  });

  it('does not compare totals when rows were already refused (one problem, reported once)', async () => {
    const badRow = sample.replace('\t75000.00\t', '\t75.000\t');
    const { errors } = await read(badRow);
    expect(errors.map((e) => e.line)).toEqual([8]);
  });
});
