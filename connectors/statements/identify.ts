import { open } from 'node:fs/promises';
import { InputLineError } from '../../core/domain-errors.js';
import { hasLayoutHeader, type StatementReader } from './reader.js';
import { READERS } from './registry.js';

/** How much of a file is enough to see its header: title lines and a header are a few hundred bytes. */
const HEAD_BYTES = 16 * 1024;

/** The file's first lines, BOM and line ends removed. */
export async function fileHeadLines(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 12);
  } finally {
    await handle.close();
  }
}

/** The providers whose layout header is where their layout puts it in these first lines. */
export function identifyProviders(lines: readonly string[]): StatementReader[] {
  return [...READERS.values()].filter((reader) => hasLayoutHeader(reader, lines));
}

/**
 * Refuses a file of another provider by its header, naming that provider, before any row is
 * parsed (parsing a ViViet export as a Viettel Money CSV fails on quoting many lines down, with a
 * message that says nothing about the real problem). A header that fits no layout is left to the
 * reader, whose message names the missing columns.
 */
export function checkProvider(reader: StatementReader, lines: readonly string[], source: string): void {
  if (hasLayoutHeader(reader, lines)) return;
  const other = identifyProviders(lines).find((r) => r.provider !== reader.provider);
  if (other) {
    throw new InputLineError(
      other.preambleLines + 1,
      `this is a ${other.displayName} statement (its header is on this line), not ${reader.displayName}: import it with provider "${other.provider}"`,
      source,
    );
  }
}
