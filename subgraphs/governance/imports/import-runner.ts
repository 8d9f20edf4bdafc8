import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { prepareAlerts, writeAlerts } from './alert-import.js';
import { prepareBudget, writeBudget } from './budget-import.js';
import { CommuneLookup } from './commune-lookup.js';
import { prepareIndicators, writeIndicators } from './indicator-import.js';
import { prepareDocuments, writeDocuments } from './document-import.js';
import { prepareDossiers, writeDossiers } from './dossier-import.js';
import { prepareFigures, writeFigures } from './figure-import.js';
import { prepareTargets, writeTargets } from './target-import.js';
import type { ImportKind, ImportReport } from './import-report.js';
import { readSource, type ImportFormat, type SourceRow } from './import-source.js';

export interface ImportRequest {
  kind: ImportKind;
  format: ImportFormat;
  text: string;
  /** The file name, for error reports ("dossiers.csv:12: ..."). */
  source: string;
  /** Validate and count, write nothing. */
  dryRun?: boolean;
}

/**
 * Imports a one-stop or document-system export: every row is validated first; with any bad row the
 * report lists them all (line and reason) and nothing is written. Otherwise all rows are upserted on
 * their natural keys in one transaction, so re-importing the same file changes nothing.
 */
export async function runImport(em: EntityManager, request: ImportRequest): Promise<ImportReport> {
  const base = { kind: request.kind, source: request.source, created: 0, updated: 0, unchanged: 0, dryRun: !!request.dryRun };
  let rows;
  try {
    rows = readSource(request.text, request.format, request.source);
  } catch (error) {
    if (error instanceof InputLineError) return { ...base, rows: 0, errors: [error] };
    throw error;
  }
  const communes = await CommuneLookup.load(em);
  const plan = await prepare(em, request, rows, communes);
  if (plan.errors.length) return { ...base, rows: rows.length, errors: plan.errors.sort((a, b) => a.line - b.line) };
  const counts = await em.transactional(async (tx) => {
    const result = await plan.write(tx);
    // A dry run computes the same counts, then rolls the transaction back.
    if (request.dryRun) throw new DryRun(result);
    return result;
  }).catch((error: unknown) => {
    if (error instanceof DryRun) return error.counts;
    throw error;
  });
  return { ...base, rows: rows.length, ...counts, errors: [] };
}

interface ImportPlan {
  errors: InputLineError[];
  write(tx: EntityManager): Promise<{ created: number; updated: number; unchanged: number }>;
}

async function prepare(em: EntityManager, request: ImportRequest, rows: SourceRow[], communes: CommuneLookup): Promise<ImportPlan> {
  switch (request.kind) {
    case 'documents': {
      const { prepared, errors } = await prepareDocuments(em, rows, communes, request.source);
      return { errors, write: (tx) => writeDocuments(tx, prepared) };
    }
    case 'dossiers': {
      const { prepared, errors } = prepareDossiers(rows, communes, request.source);
      return { errors, write: (tx) => writeDossiers(tx, prepared) };
    }
    case 'figures': {
      const { prepared, errors } = prepareFigures(rows, communes, request.source);
      return { errors, write: (tx) => writeFigures(tx, prepared) };
    }
    case 'targets': {
      const { prepared, errors } = await prepareTargets(em, rows, request.source);
      return { errors, write: (tx) => writeTargets(tx, prepared) };
    }
    case 'budget': {
      const { prepared, errors } = prepareBudget(rows, communes, request.source);
      return { errors, write: (tx) => writeBudget(tx, prepared) };
    }
    case 'indicators': {
      const { prepared, errors } = prepareIndicators(rows, communes, request.source);
      return { errors, write: (tx) => writeIndicators(tx, prepared) };
    }
    case 'alerts': {
      const { prepared, errors } = prepareAlerts(rows, communes, request.source);
      return { errors, write: (tx) => writeAlerts(tx, prepared) };
    }
  }
}

class DryRun extends Error {
  constructor(readonly counts: { created: number; updated: number; unchanged: number }) {
    super('dry run');
  }
}
