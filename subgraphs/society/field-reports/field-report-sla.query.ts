import type { EntityManager } from '@mikro-orm/core';
import { FieldReportCategory } from './field-report.entity.js';
import { slaRowsOf } from './field-report-sla.store.js';
import { pickSla, type SlaSource } from './sla.rules.js';

export interface CategorySla {
  category: FieldReportCategory;
  workingDays: number;
  source: SlaSource;
}

/** The SLA of every category in a commune, with where each figure comes from. Public. */
export async function fieldReportSlas(em: EntityManager, communeId: string): Promise<CategorySla[]> {
  const rows = await slaRowsOf(em, communeId);
  return Object.values(FieldReportCategory).map((category) => ({ category, ...pickSla(rows, category) }));
}
