import type { EntityManager } from '@mikro-orm/core';
import { InputLineError } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { todayInVietnam } from '../../../core/time.js';
import { checkText, type Problem } from '../common/problems.js';
import { recordId } from '../common/record-ids.js';
import { AlertSeverity } from '../monitoring/alert-enums.js';
import { checkAlertUrl } from '../monitoring/alert.rules.js';
import { InformationAlert } from '../monitoring/information-alert.entity.js';
import type { CommuneLookup } from './commune-lookup.js';
import { chunks, sameRow } from './import-report.js';
import { RowReader } from './import-values.js';
import type { SourceRow } from './import-source.js';

interface PreparedAlert {
  line: number;
  alert: InformationAlert;
}

const IMPORTER = 'import';

function prepareRow(row: SourceRow, communes: CommuneLookup): { prepared?: PreparedAlert; problems: Problem[] } {
  const r = new RowReader(row.values);
  const source = r.require('source', r.text('source'));
  const url = r.require('url', r.text('url'));
  const detectedAt = r.require('detectedAt', r.instant('detectedAt'));
  const topic = r.require('topic', r.text('topic'));
  const title = r.require('title', r.text('title'));
  const severity = r.require('severity', r.choice('severity', Object.values(AlertSeverity)));
  const handledAt = r.instant('handledAt');
  const note = r.text('handlingNote');
  const problems = [...r.problems];
  checkAlertUrl(url, problems);
  checkText(problems, 'source', source, 200, false);
  checkText(problems, 'topic', topic, 200, false);
  checkText(problems, 'title', title, 500, false);
  checkText(problems, 'handlingNote', note, 2000, false);
  if (handledAt && detectedAt && handledAt < detectedAt) problems.push({ field: 'handledAt', message: 'handledAt is before detectedAt.' });
  const unitId = communes.resolve(r.text('communeId'), r.text('communeCode'), detectedAt ? todayInVietnam(detectedAt) : undefined, problems);
  if (problems.length || !unitId) return { problems };
  return {
    prepared: {
      line: row.line,
      alert: Object.assign(new InformationAlert(), {
        id: recordId('alr', unitId, url),
        unitId,
        source: nfc(source),
        url,
        detectedAt,
        topic: nfc(topic),
        title: nfc(title),
        severity,
        handledAt: handledAt ?? null,
        handledBy: handledAt ? IMPORTER : null,
        handlingNote: note ? nfc(note) : null,
      }),
    },
    problems,
  };
}

/** Alerts exported by a monitoring service (layout: subgraphs/governance/README.md, "alerts"). */
export function prepareAlerts(rows: SourceRow[], communes: CommuneLookup, source: string) {
  const errors: InputLineError[] = [];
  const prepared: PreparedAlert[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const { prepared: p, problems } = prepareRow(row, communes);
    if (!p) {
      errors.push(...problems.map((pr) => new InputLineError(row.line, pr.message, source)));
      continue;
    }
    const seen = byId.get(p.alert.id);
    if (seen !== undefined) {
      errors.push(new InputLineError(row.line, `duplicate of line ${seen}: one alert per commune and URL.`, source));
      continue;
    }
    byId.set(p.alert.id, row.line);
    prepared.push(p);
  }
  return { prepared, errors };
}

const columns = (a: InformationAlert) => [a.source, a.detectedAt, a.topic, a.title, a.severity, a.handledAt, a.handlingNote];

/** Upserts on (commune, URL). An alert an officer handled in the hub stays handled when the file says nothing of it. */
export async function writeAlerts(tx: EntityManager, prepared: PreparedAlert[]): Promise<{ created: number; updated: number; unchanged: number }> {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const changed: InformationAlert[] = [];
  for (const group of chunks(prepared)) {
    const existing = new Map((await tx.find(InformationAlert, { id: { $in: group.map((p) => p.alert.id) } }, { disableIdentityMap: true })).map((a) => [a.id, a]));
    for (const { alert } of group) {
      const old = existing.get(alert.id);
      if (old?.handledAt && !alert.handledAt) Object.assign(alert, { handledAt: old.handledAt, handledBy: old.handledBy, handlingNote: alert.handlingNote ?? old.handlingNote });
      if (old && sameRow(columns(old), columns(alert))) {
        unchanged++;
        continue;
      }
      if (old) updated++;
      else created++;
      changed.push(alert);
    }
  }
  if (changed.length) await tx.upsertMany(InformationAlert, changed);
  return { created, updated, unchanged };
}
