import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Text already in COPY's text format as UTF-8 bytes (copyTextBytes): sent as they are. */
export class CopyBytes {
  constructor(readonly bytes: Buffer) {}
}

/** A column value of an item row; instants as Date. */
export type ItemValue = string | number | Date | null;

/** A value copyRows writes: a column value, or text already escaped for COPY. */
export type CopyValue = ItemValue | CopyBytes;

const BACKSLASH = 0x5c;
/** What COPY writes after a backslash for each byte it escapes (backslash, tab, newline, CR); 0 for the others. */
const ESCAPED = new Uint8Array(256);
ESCAPED[0x5c] = 0x5c;
ESCAPED[0x09] = 0x74;
ESCAPED[0x0a] = 0x6e;
ESCAPED[0x0d] = 0x72;

/**
 * UTF-8 text as COPY's text format writes it (backslash, tab, newline and CR escaped), in a buffer
 * of its own: a pack's JSON goes to the server without being made a 150 KB string (item-pack.ts).
 * Most packs hold none of the four: found so by Buffer's native search (a loop over 150 KB here
 * cost 25 times more), and copied into a buffer outside the pool (Buffer.from took 1 ms a pack).
 */
export function copyTextBytes(utf8: Buffer): CopyBytes {
  if (utf8.indexOf(0x5c) < 0 && utf8.indexOf(0x09) < 0 && utf8.indexOf(0x0a) < 0 && utf8.indexOf(0x0d) < 0) {
    const copy = Buffer.allocUnsafeSlow(utf8.length);
    utf8.copy(copy);
    return new CopyBytes(copy);
  }
  let extra = 0;
  for (let k = 0; k < utf8.length; k++) if (ESCAPED[utf8[k]]) extra++;
  const out = Buffer.allocUnsafe(utf8.length + extra);
  let at = 0;
  for (let k = 0; k < utf8.length; k++) {
    const escaped = ESCAPED[utf8[k]];
    if (!escaped) out[at++] = utf8[k];
    else {
      out[at++] = BACKSLASH;
      out[at++] = escaped;
    }
  }
  return new CopyBytes(out);
}

/** Text sent per write: large enough to amortise the stream, small enough to keep memory flat. */
const CHUNK_CHARS = 256 * 1024;
const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: \N for null, backslash escapes for what would split the row. */
function copyText(value: ItemValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  // A number's text never holds what COPY escapes: no pattern test for a row's seq, amounts and links.
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/**
 * Streams rows into `table` with COPY FROM STDIN on the given connection (the transaction's:
 * the rows are part of it). Rows are produced as they are sent, never all held. If producing a row
 * or the server fails, the COPY is abandoned with CopyFail and the error is rethrown, leaving the
 * connection ready for the caller's rollback.
 */
export async function copyRows(
  client: ClientBase,
  table: string,
  columns: string[],
  rows: Iterable<CopyValue[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = finished(stream);
  // A server error while we are still producing rows is reported by `done`.
  done.catch(() => undefined);
  let written = 0;
  let buffer = '';
  const send = async (chunk: string | Buffer) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  };
  try {
    for (const values of rows) {
      // Concatenated in place (no array of texts per row): a million rows.
      let line = '';
      for (let k = 0; k < values.length; k++) {
        if (k) line += '\t';
        const value = values[k];
        if (value instanceof CopyBytes) {
          // The text so far first, then the bytes: the stream keeps their order.
          buffer += line;
          line = '';
          if (buffer) await send(buffer);
          buffer = '';
          await send(value.bytes);
        } else line += copyText(value);
      }
      buffer += line + '\n';
      written++;
      if (buffer.length >= CHUNK_CHARS) {
        const chunk = buffer;
        buffer = '';
        await send(chunk);
      }
    }
    stream.end(buffer);
    await done;
  } catch (error) {
    if (!stream.destroyed) {
      stream.destroy(error as Error);
      await done.catch(() => undefined);
    }
    throw error;
  }
  return written;
}
