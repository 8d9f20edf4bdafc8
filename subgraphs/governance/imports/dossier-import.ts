import { LockMode, type EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import { bulkWrite } from '../common/bulk-write.js';
import { isSqlite } from '../common/dialect.js';
import type { Problem } from '../common/problems.js';
import { DossierChannel, DossierStatus, OnlineLevel } from '../dossiers/dossier-enums.js';
import { checkDossierDraft, DOSSIER_COLUMNS, dossierRow, toDossier, type DossierDraft } from '../dossiers/dossier.rules.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { summaryDeltas } from '../dossiers/dossier-summary.rules.js';
import { applySummaryDeltas } from '../dossiers/dossier-summary.store.js';
import type { CommuneLookup } from './commune-lookup.js';
import { chunks, sameRow } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedDossier {
  line: number;
  dossier: Dossier;
}

function prepareRow(row: SourceRow, communes: CommuneLookup): { prepared?: PreparedDossier; problems: Problem[] } {
  const r = new RowReader(row.values);
  const receivedAt = r.require('receivedAt', r.instant('receivedAt'));
  const draft: DossierDraft = {
    communeId: '',
    code: r.require('code', r.text('code')),
    procedureCode: r.require('procedureCode', r.text('procedureCode')),
    procedureName: r.require('procedureName', r.text('procedureName')),
    procedureField: r.require('procedureField', r.text('procedureField')),
    channel: r.require('channel', r.choice('channel', Object.values(DossierChannel))),
    onlineLevel: r.choice('onlineLevel', Object.values(OnlineLevel)),
    receivedAt,
    dueAt: r.require('dueAt', r.instant('dueAt')),
    completedAt: r.instant('completedAt') ?? null,
    status: r.require('status', r.choice('status', Object.values(DossierStatus))),
    applicantName: r.require('applicantName', r.text('applicantName')),
    applicantIdNumber: r.text('applicantIdNumber'),
    applicantPhone: r.text('applicantPhone'),
  };
  const problems = [...r.problems];
  const communeId = communes.resolve(r.text('communeId'), r.text('communeCode'), receivedAt ? todayInVietnam(receivedAt) : undefined, problems);
  if (problems.length) return { problems };
  draft.communeId = communeId!;
  problems.push(...checkDossierDraft(draft));
  if (problems.length) return { problems };
  return { prepared: { line: row.line, dossier: toDossier(draft) }, problems };
}

/**
 * Validates every row (no writes). An import carries the source system's current state, so any
 * consistent status is accepted (transitions are checked only for changes made in the hub).
 */
export function prepareDossiers(rows: SourceRow[], communes: CommuneLookup, source: string) {
  const errors: InputLineError[] = [];
  const prepared: PreparedDossier[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, communes);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.dossier.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: dossier code ${p.dossier.code} appears twice for the same commune.`, source));
      continue;
    }
    byId.set(p.dossier.id, row.line);
    prepared.push(p);
  }
  return { prepared, errors };
}

/**
 * Upserts by id (commune + code) and moves the month summary by the difference; returns what
 * changed. Call inside a transaction. The stored rows are read FOR UPDATE on PostgreSQL so that no
 * status change lands between the read the delta subtracts and the write (SQLite has one writer).
 */
export async function writeDossiers(tx: EntityManager, prepared: PreparedDossier[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const rows: unknown[][] = [];
  const changes: { before?: Dossier; after: Dossier }[] = [];
  const lockMode = isSqlite(tx) ? undefined : LockMode.PESSIMISTIC_WRITE;
  for (const group of chunks(prepared)) {
    const existing = new Map((await tx.find(Dossier, { id: { $in: group.map((p) => p.dossier.id) } }, { disableIdentityMap: true, lockMode })).map((d) => [d.id, d]));
    for (const { dossier } of group) {
      const old = existing.get(dossier.id);
      if (old && sameRow(dossierRow(old), dossierRow(dossier))) {
        unchanged++;
        continue;
      }
      if (old) updated++;
      else created++;
      rows.push(dossierRow(dossier));
      changes.push({ before: old, after: dossier });
    }
  }
  await bulkWrite(tx, { table: 'dossier', columns: DOSSIER_COLUMNS, key: ['id'], onConflict: 'update', bump: 'version' }, rows as never);
  await applySummaryDeltas(tx, summaryDeltas(changes));
  return { created, updated, unchanged };
}
