import { OUTCOME_CODES } from './matcher.rules.js';
import type { OutcomeTotal } from './outcome-totals.query.js';
import type { ReconciliationOutcome } from './outcomes.js';
import type { ReconciliationItem } from './reconciliation-item.entity.js';
import type { ReconciliationPeriodEvent } from './reconciliation-period-event.entity.js';
import type { ReconciliationPeriod } from './reconciliation-period.entity.js';
import type { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import type { ReconciliationRun } from './reconciliation-run.entity.js';
import { openAmountVnd, type ResolutionCategory } from './resolution.rules.js';
import {
  ReconciliationItemType,
  ReconciliationOutcomeTotal,
  ReconciliationPeriodEventType,
  ReconciliationPeriodType,
  ReconciliationResolutionType,
  ReconciliationRunType,
  ReconciliationSummary,
} from './reconciliation.type.js';

/** Entities → GraphQL types (no I/O). */
export function toRun(run: ReconciliationRun): ReconciliationRunType {
  return Object.assign(new ReconciliationRunType(), {
    id: run.id,
    provider: run.provider,
    period: run.periodLabel,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    fileName: run.fileName,
    fileSha256: run.fileSha256,
    importedAt: run.importedAt,
    importedBy: run.importedBy,
    ledgerSource: run.ledgerSource,
    toleranceMinutes: run.toleranceMinutes,
    statementRows: run.statementRows,
    ignoredRows: run.ignoredRows,
    version: run.version,
    current: !!run.currentKey,
    supersedesRunId: run.supersedesRunId ?? null,
    supersededByRunId: run.supersededByRunId ?? null,
    supersededAt: run.supersededAt ?? null,
  });
}

const idOrNull = (id: number | null | undefined) => (id === null || id === undefined ? null : String(id));

export function toItem(item: ReconciliationItem): ReconciliationItemType {
  const net = item.paidVnd - item.reversedVnd;
  return Object.assign(new ReconciliationItemType(), {
    id: String(item.id),
    runId: item.runId,
    outcome: item.outcome,
    rule: item.rule,
    references: JSON.parse(item.referencesJson) as string[],
    transactionIds: JSON.parse(item.transactionIdsJson) as string[],
    statementLines: JSON.parse(item.linesJson) as number[],
    expectedPaymentIds: JSON.parse(item.expectedPaymentIdsJson) as string[],
    payer: item.payer ?? null,
    paidVnd: item.paidVnd,
    reversedVnd: item.reversedVnd,
    feeVnd: item.feeVnd,
    expectedVnd: item.expectedVnd,
    shortfallVnd: Math.max(0, item.expectedVnd - net),
    excessVnd: Math.max(0, net - item.expectedVnd),
    openVnd: openAmountVnd(item),
    paidAt: item.paidAt ?? null,
    expectedAt: item.expectedAt ?? null,
    resolved: !!item.resolvedAt,
    resolutionCategory: (item.resolutionCategory as ResolutionCategory | null | undefined) ?? null,
    carriedFromItemId: idOrNull(item.carriedFromItemId),
    settledByItemId: idOrNull(item.settledByItemId),
    settledByRunId: item.settledByRunId ?? null,
  });
}

export function toResolution(r: ReconciliationResolution): ReconciliationResolutionType {
  return Object.assign(new ReconciliationResolutionType(), {
    id: String(r.id),
    action: r.action,
    category: r.category ?? null,
    status: r.status,
    amountVnd: r.amountVnd ?? null,
    note: r.note,
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt,
    approvedBy: r.approvedBy ?? null,
    approvedAt: r.approvedAt ?? null,
    carriedFromRunId: r.carriedFromRunId ?? null,
  });
}

export function toSummary(run: ReconciliationRun, openCount: number, byOutcome: Record<ReconciliationOutcome, OutcomeTotal>): ReconciliationSummary {
  return Object.assign(new ReconciliationSummary(), {
    statementGrossVnd: run.statementGrossVnd,
    reversedVnd: run.reversedVnd,
    statementFeeVnd: run.statementFeeVnd,
    statementNetVnd: Math.max(0, run.statementGrossVnd - run.reversedVnd - run.statementFeeVnd),
    expectedVnd: run.expectedVnd,
    matchedVnd: run.matchedVnd,
    matchedCount: run.matchedCount,
    amountMismatchCount: run.amountMismatchCount,
    missingInStatementCount: run.missingInStatementCount,
    missingInLedgerCount: run.missingInLedgerCount,
    duplicateCount: run.duplicateCount,
    openCount,
    // A reversal larger than its payment can make an outcome's net negative: Vnd is never negative.
    byOutcome: OUTCOME_CODES.map((o) => Object.assign(new ReconciliationOutcomeTotal(), { outcome: o, count: byOutcome[o].count, paidVnd: Math.max(0, byOutcome[o].paidVnd), expectedVnd: byOutcome[o].expectedVnd })),
  });
}

export function toPeriod(period: ReconciliationPeriod, events: ReconciliationPeriodEvent[]): ReconciliationPeriodType {
  return Object.assign(new ReconciliationPeriodType(), {
    provider: period.provider,
    period: period.periodLabel,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    closed: period.closed,
    events: events.map((e) => Object.assign(new ReconciliationPeriodEventType(), { action: e.action, actor: e.actor, at: e.at, reason: e.reason })),
  });
}
