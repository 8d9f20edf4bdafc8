import type { InputLineError } from '../../../core/domain-errors.js';

export type ImportKind = 'documents' | 'dossiers' | 'figures' | 'targets' | 'budget' | 'indicators' | 'alerts';

/** What an import did, or (with errors) why it wrote nothing. */
export interface ImportReport {
  kind: ImportKind;
  source: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Bad rows: when any, nothing was written. */
  errors: InputLineError[];
  dryRun: boolean;
}

/** Rows compared column by column, instants by their time: what "unchanged" means on re-import. */
export function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : (v ?? null));
  return a.length === b.length && a.every((v, i) => norm(v) === norm(b[i]));
}

export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
