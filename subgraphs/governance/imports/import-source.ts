import { parse } from 'csv-parse/sync';
import { InputLineError } from '../../../core/domain-errors.js';

export type ImportFormat = 'csv' | 'json';

/** One record of an import file with the 1-based line it starts on, for error reports. */
export interface SourceRow {
  line: number;
  values: Record<string, unknown>;
}

export function formatOf(file: string, explicit?: string): ImportFormat {
  const format = (explicit ?? file.split('.').pop() ?? '').toLowerCase();
  if (format === 'csv' || format === 'json') return format;
  throw new Error(`Cannot tell the format of "${file}": name it .csv or .json, or pass --format csv|json.`);
}

/** CSV with a header row (UTF-8, BOM allowed, comma-separated, RFC 4180 quoting). */
function readCsv(text: string, source: string): SourceRow[] {
  try {
    const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, values: record }));
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new InputLineError(e.lines ?? 1, `not valid CSV: ${e.message}`, source);
  }
}

/** Line on which each element of the top-level JSON array starts (a small scanner: JSON.parse gives no positions). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === '{' || c === '[') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return lines;
}

/** JSON: an array of objects whose keys are the CSV column names. */
function readJson(text: string, source: string): SourceRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputLineError(1, `not valid JSON: ${(error as Error).message}`, source);
  }
  if (!Array.isArray(data)) throw new InputLineError(1, 'the file must hold a JSON array of records', source);
  const lines = elementLines(text);
  return data.map((values, i) => {
    const line = lines[i] ?? 1;
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new InputLineError(line, `record ${i + 1} is not a JSON object`, source);
    return { line, values: values as Record<string, unknown> };
  });
}

export function readSource(text: string, format: ImportFormat, source: string): SourceRow[] {
  return format === 'csv' ? readCsv(text, source) : readJson(text, source);
}
