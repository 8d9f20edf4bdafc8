import type { EntityManager } from '@mikro-orm/core';
import { executeSql, placeholders, tableName } from '../common/dialect.js';
import type { BudgetFlow, BudgetKind } from './budget-enums.js';
import { summarizeBudget, type BudgetSummaryData } from './budget.rules.js';

/**
 * A commune-year's budget in one aggregate query (served by the (unit_id, year) index), summed by
 * kind, flow, month and item; the totals, monthly series and execution rates follow in the rules.
 * Null when nothing was recorded for that year.
 */
export async function budgetSummary(em: EntityManager, communeIds: readonly string[], year: number): Promise<BudgetSummaryData | null> {
  const rows = await executeSql<{ kind: BudgetKind; flow: BudgetFlow; month: number; chapter_code: string; section_code: string; item_code: string; amount: number | string }>(
    em,
    `select kind, flow, month, chapter_code, section_code, item_code, sum(amount_vnd) as amount
     from ${tableName(em, 'budget_line')}
     where unit_id in (${placeholders(communeIds.length)}) and year = ?
     group by kind, flow, month, chapter_code, section_code, item_code`,
    [...communeIds, year],
  );
  if (!rows.length) return null;
  return summarizeBudget(
    rows.map((r) => ({
      kind: r.kind,
      flow: r.flow,
      month: Number(r.month),
      chapterCode: r.chapter_code,
      sectionCode: r.section_code,
      itemCode: r.item_code,
      amountVnd: Number(r.amount),
    })),
  );
}
