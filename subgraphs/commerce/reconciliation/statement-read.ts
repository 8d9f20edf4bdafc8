import { Worker } from 'node:worker_threads';
import { InputLineError } from '../../../core/domain-errors.js';
import type { StatementHashes } from './content-hash.js';
import { StatementRejectedError, type LoadedStatement } from './statement-load.js';
import { PaymentTable, type PaymentTableState } from './tables.js';

/** What the worker is asked: one file of one provider, for one period. */
export interface StatementReadRequest {
  provider: string;
  file: string;
  /** "yyyy-mm-dd" or "yyyy-mm", as the import was given it. */
  period: string;
  /** File name for messages. */
  source: string;
}

/** What the worker answers: progress as it reads, then the table, or the problems, or a failure. */
export type StatementReadMessage =
  | { kind: 'progress'; bytes: number }
  | { kind: 'read'; state: PaymentTableState; rows: number; ignoredRows: number; lastLine: number; hashes: StatementHashes }
  | { kind: 'rejected'; errors: { line: number; reason: string; source?: string }[]; total: number }
  | { kind: 'failed'; message: string };

export interface StatementRead extends LoadedStatement {
  hashes: StatementHashes;
}

export interface StatementReadAside {
  /** The statement read (its references not yet resolved: PaymentTable.resolveReferences). */
  readonly result: Promise<StatementRead>;
  /** Stops reading: the import failed elsewhere. `result` then never settles. */
  cancel(): void;
  /** Who hears of the bytes read from now on (the latest count is told at once). */
  onBytes(listener: (bytes: number) => void): void;
}

/**
 * The worker's young generation, MB. Its garbage is short-lived strings of fields, and its table's
 * columns live outside the heap: 12 MB keeps its peak lower than the default with no cost in time
 * measured; 4 MB made promotion (and the peak) worse.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/**
 * The worker's script. It runs compiled JavaScript: beside this file in the build, and from the
 * TypeScript sources (the tests) the build of the same file, which tests/global-setup.ts makes
 * before any test starts.
 */
function workerScript(): URL {
  const name = 'statement-read.worker.js';
  if (!import.meta.url.endsWith('.ts')) return new URL(`./${name}`, import.meta.url);
  return new URL(`../../../dist/subgraphs/commerce/reconciliation/${name}`, import.meta.url);
}

/**
 * Reads and validates a statement on a worker thread (statement-read.worker.ts), so that the file
 * is read on one core while the ledger loads on the other: at a million rows each takes seconds.
 * Without the ledger at hand the table keeps every reference's text; resolveReferences then shares
 * the ledger's. Rejects with StatementRejectedError exactly as loadStatement does.
 */
export function readStatementAside(request: StatementReadRequest): StatementReadAside {
  let bytesRead = 0;
  let onBytes: ((bytes: number) => void) | null = null;
  const worker = new Worker(workerScript(), { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  let settle!: (outcome: () => void) => void;
  const result = new Promise<StatementRead>((resolve, reject) => {
    let settled = false;
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: StatementReadMessage) => {
      switch (message.kind) {
        case 'progress':
          bytesRead = message.bytes;
          onBytes?.(bytesRead);
          return;
        case 'read': {
          const { state, ...counts } = message;
          settle(() => resolve({ table: PaymentTable.from(state), ...counts }));
          return;
        }
        case 'rejected': {
          const errors = message.errors.map((e) => new InputLineError(e.line, e.reason, e.source));
          settle(() => reject(new StatementRejectedError(errors, message.total, request.source)));
          return;
        }
        case 'failed':
          settle(() => reject(new Error(message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the statement reader stopped (exit code ${code}) before it was done`))));
  });
  // Awaited only once the ledger is in: a refusal meanwhile must not count as unhandled.
  result.catch(() => undefined);
  return {
    result,
    cancel() {
      settle(() => undefined);
    },
    onBytes(listener) {
      onBytes = listener;
      listener(bytesRead);
    },
  };
}
