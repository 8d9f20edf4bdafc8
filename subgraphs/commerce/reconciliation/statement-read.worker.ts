/**
 * Worker thread: reads and validates one statement file into a PaymentTable and hashes it, while
 * the importing thread loads the ledger (statement-read.ts starts it). Only plain data crosses:
 * the table's columns (transferred, not copied), the counts, the hashes, or the problems found.
 */
import { createReadStream, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readerFor } from '../../../connectors/statements/registry.js';
import { StatementHasher } from './content-hash.js';
import { parsePeriod } from './period.js';
import { loadStatement, StatementRejectedError } from './statement-load.js';
import { transferables } from './tables.js';
import type { StatementReadRequest, StatementReadMessage } from './statement-read.js';

const port = parentPort!;
const post = (message: StatementReadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function read(request: StatementReadRequest): Promise<void> {
  const input = createReadStream(request.file, { highWaterMark: 256 * 1024 });
  const hasher = new StatementHasher();
  let bytes = 0;
  input.on('data', (chunk) => {
    // No encoding is set on the stream: every chunk is a Buffer.
    hasher.update(chunk as Buffer);
    bytes += chunk.length;
    post({ kind: 'progress', bytes });
  });
  const loaded = await loadStatement(readerFor(request.provider), input, {
    period: parsePeriod(request.period),
    source: request.source,
    size: { fileBytes: statSync(request.file).size, bytesRead: () => bytes },
  });
  // Not trimmed here: resolving the references on the other side rebuilds that column anyway, and
  // a trimmed copy made here would sit beside the original while the ledger peaks over there.
  const state = loaded.table.state();
  post({ kind: 'read', state, rows: loaded.rows, ignoredRows: loaded.ignoredRows, lastLine: loaded.lastLine, hashes: hasher.digest() }, transferables(state));
}

read(workerData as StatementReadRequest).catch((error: unknown) => {
  if (error instanceof StatementRejectedError) {
    post({ kind: 'rejected', errors: error.errors.map((e) => ({ line: e.line, reason: e.reason, source: e.source })), total: error.total });
  } else {
    // A file that vanished or cannot be read, or a fault: the message only (no row data in it).
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
