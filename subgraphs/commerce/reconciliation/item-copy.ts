import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A column value of an item row; instants as Date. */
export type ItemValue = string | number | Date | null;

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
  rows: Iterable<ItemValue[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = finished(stream);
  // A server error while we are still producing rows is reported by `done`.
  done.catch(() => undefined);
  let written = 0;
  let buffer = '';
  try {
    for (const values of rows) {
      // Concatenated in place (no array of texts per row): a million rows.
      let line = copyText(values[0]);
      for (let k = 1; k < values.length; k++) line += '\t' + copyText(values[k]);
      buffer += line + '\n';
      written++;
      if (buffer.length >= CHUNK_CHARS) {
        const more = stream.write(buffer);
        buffer = '';
        if (!more) await Promise.race([once(stream, 'drain'), done]);
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
