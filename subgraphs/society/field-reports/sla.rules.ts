import { VIETNAM_OFFSET_MS } from '../../../core/time.js';
import { ANY_CATEGORY, type FieldReportSla } from './field-report-sla.entity.js';
import type { FieldReportCategory } from './field-report.entity.js';

/**
 * Without a commune setting, a report is due 5 working days after it is received: Ho Chi Minh
 * City's 1022 answers within 5 working days (DOMAIN.md section 4).
 */
export const DEFAULT_SLA_WORKING_DAYS = 5;
export const MAX_SLA_WORKING_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `from` plus `days` working days (Monday to Friday in Asia/Ho_Chi_Minh), same time of day. A report
 * received on a weekend starts counting on Monday. Public holidays are not known to the hub and
 * count as working days (documented in the README).
 */
export function addWorkingDays(from: Date, days: number): Date {
  let at = from.getTime();
  let left = days;
  while (left > 0) {
    at += DAY_MS;
    const weekday = new Date(at + VIETNAM_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(at);
}

export type SlaSource = 'CATEGORY' | 'COMMUNE' | 'HUB_DEFAULT';

/** From a commune's SLA rows: the category's row, else the commune's default row, else the hub default. */
export function pickSla(rows: FieldReportSla[], category: FieldReportCategory): { workingDays: number; source: SlaSource } {
  const own = rows.find((r) => r.category === category);
  if (own) return { workingDays: own.workingDays, source: 'CATEGORY' };
  const commune = rows.find((r) => r.category === ANY_CATEGORY);
  if (commune) return { workingDays: commune.workingDays, source: 'COMMUNE' };
  return { workingDays: DEFAULT_SLA_WORKING_DAYS, source: 'HUB_DEFAULT' };
}

