import cliProgress from 'cli-progress';
import type { ProgressListener, ReconcilePhase } from './reconcile.command.js';

/** Where progress goes: stderr in the CLI, so stdout keeps only the summary. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Piped output: at most one line per phase per this many ms (and one at each phase's end). */
  intervalMs?: number;
  now?: () => number;
}

const UNITS: Record<ReconcilePhase, { unit: string; scale: number }> = {
  ledger: { unit: 'expected payments', scale: 1 },
  reading: { unit: 'MB', scale: 1e6 },
  matching: { unit: 'steps', scale: 1 },
  storing: { unit: 'items', scale: 1 },
};

const count = new Intl.NumberFormat('en');

/**
 * Progress of an import through every phase (ledger, reading, matching, storing): on a
 * terminal a bar per phase (cli-progress); piped, a line when a phase starts, at most one every
 * `intervalMs` while it runs, and one when it ends, so a log or CI shows where a long import is.
 */
export function progressReporter(stream: ProgressStream, options: ProgressOptions = {}): { listener: ProgressListener; finish(): void } {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 5000;
  let phase: ReconcilePhase | null = null;
  let phaseStart = 0;
  let lastLine = 0;
  let last = { done: 0, total: 0 };
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        { stream: stream as NodeJS.WritableStream, format: '{phase} {bar} {percentage}% | {shown} {unit}', hideCursor: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const shown = (p: ReconcilePhase, done: number, total: number) => {
    const { scale } = UNITS[p];
    const d = scale === 1 ? count.format(done) : (done / scale).toFixed(1);
    return total > 0 ? `${d}/${scale === 1 ? count.format(total) : (total / scale).toFixed(1)}` : d;
  };
  const line = (p: ReconcilePhase, done: number, total: number, end = false) => {
    const percent = total > 0 ? ` ${Math.floor((done / total) * 100)}%` : '';
    const took = end ? ` done in ${((now() - phaseStart) / 1000).toFixed(1)} s` : '';
    stream.write(`reconcile: ${p}${end ? '' : percent} (${shown(p, done, total)} ${UNITS[p].unit})${took}\n`);
  };
  const endPhase = () => {
    if (!phase) return;
    if (bar) bar.stop();
    else line(phase, last.done, last.total, true);
    phase = null;
  };
  const listener: ProgressListener = (next, done, total) => {
    if (next !== phase) {
      endPhase();
      phase = next;
      phaseStart = now();
      lastLine = phaseStart;
      if (bar) bar.start(Math.max(total, done, 1), done, { phase: next.padEnd(8), unit: UNITS[next].unit, shown: shown(next, done, total) });
      else line(next, done, total);
    }
    last = { done, total };
    if (bar) {
      if (total > 0) bar.setTotal(total);
      else bar.setTotal(Math.max(done, 1));
      bar.update(done, { shown: shown(next, done, total) });
    } else if (now() - lastLine >= intervalMs) {
      lastLine = now();
      line(next, done, total);
    }
  };
  return { listener, finish: endPhase };
}
