/**
 * A sandbox's state kept on disk across restarts: one JSON file per sandbox in the data directory.
 * Each save writes a temporary file beside it, flushes it to disk and renames it over the old one,
 * so a crash leaves either the old state or the new one, never half a file. Saves are coalesced: a
 * burst of writes to the sandbox makes one save at the end of the event-loop turn.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class SandboxStateFile<T> {
  private pending: NodeJS.Immediate | null = null;

  /** `snapshot` gives what to save (plain JSON data). */
  constructor(
    readonly path: string,
    private readonly snapshot: () => T,
  ) {}

  /** What the last run saved; null when there is no file yet (a first start). A broken file is an error naming it, never silently an empty sandbox. */
  load(): T | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new Error(`The sandbox state file ${this.path} is not valid JSON: move it away to start that sandbox empty.`);
    }
  }

  /** Saves soon (once for every change made in this turn of the event loop). */
  scheduleSave(): void {
    if (this.pending) return;
    this.pending = setImmediate(() => {
      this.pending = null;
      this.saveNow();
    });
  }

  /** Saves at once (on close, so nothing scheduled is lost). */
  flush(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.saveNow();
  }

  private saveNow(): void {
    writeFileAtomically(this.path, JSON.stringify(this.snapshot()));
  }
}

/** Writes a temporary file beside `path`, flushes it to disk and renames it over `path`: readers see the old bytes or the new ones. */
export function writeFileAtomically(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
