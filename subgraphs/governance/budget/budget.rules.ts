import type { Problem } from '../common/problems.js';
import { BudgetFlow, BudgetKind } from './budget-enums.js';

/**
 * The state budget index (Mục lục NSNN, Circular 324/2016/TT-BTC): a chapter (chương, 3 digits),
 * a section (loại–khoản, 3 digits), an item (mục, 4 digits) and a sub-item (tiểu mục, 4 digits,
 * numbered after its item: 6001 is under 6000). Revenue items are 1000–4999, expenditure items
 * 6000–9999.
 */
export interface BudgetCodes {
  chapterCode?: string;
  sectionCode?: string;
  itemCode?: string;
  subItemCode?: string;
}

const ITEM_RANGES: Record<BudgetFlow, [number, number]> = {
  [BudgetFlow.REVENUE]: [1000, 4999],
  [BudgetFlow.EXPENDITURE]: [6000, 9999],
};

export function checkBudgetCodes(flow: BudgetFlow | undefined, codes: BudgetCodes, problems: Problem[]): void {
  if (codes.chapterCode !== undefined && !/^\d{3}$/.test(codes.chapterCode)) problems.push({ field: 'chapterCode', message: `chapterCode (chương) must be 3 digits, got "${codes.chapterCode}".` });
  if (codes.sectionCode !== undefined && !/^\d{3}$/.test(codes.sectionCode)) problems.push({ field: 'sectionCode', message: `sectionCode (loại–khoản) must be 3 digits, got "${codes.sectionCode}".` });
  if (codes.itemCode !== undefined) {
    if (!/^\d{4}$/.test(codes.itemCode)) problems.push({ field: 'itemCode', message: `itemCode (mục) must be 4 digits, got "${codes.itemCode}".` });
    else if (flow) {
      const [low, high] = ITEM_RANGES[flow];
      const item = Number(codes.itemCode);
      if (item < low || item > high) problems.push({ field: 'itemCode', message: `itemCode ${codes.itemCode} is not a ${flow.toLowerCase()} item: ${flow.toLowerCase()} items (mục) are ${low}–${high}.` });
    }
  }
  if (codes.subItemCode !== undefined) {
    if (!/^\d{4}$/.test(codes.subItemCode)) problems.push({ field: 'subItemCode', message: `subItemCode (tiểu mục) must be 4 digits, got "${codes.subItemCode}".` });
    else if (codes.itemCode && /^\d{4}$/.test(codes.itemCode)) {
      const offset = Number(codes.subItemCode) - Number(codes.itemCode);
      if (offset < 1 || offset > 49) problems.push({ field: 'subItemCode', message: `subItemCode ${codes.subItemCode} is not under item ${codes.itemCode} (its sub-items are ${Number(codes.itemCode) + 1}–${Number(codes.itemCode) + 49}).` });
    }
  }
}

/** An estimate is for the whole year (no month); an execution is for one month, 1..12. */
export function checkBudgetMonth(kind: BudgetKind | undefined, month: number | undefined, problems: Problem[]): void {
  if (kind === BudgetKind.ESTIMATE && month !== undefined) problems.push({ field: 'month', message: 'an ESTIMATE is for the whole year: leave month empty.' });
  if (kind === BudgetKind.EXECUTION) {
    if (month === undefined) problems.push({ field: 'month', message: 'an EXECUTION is for one month: month (1–12) is required.' });
    else if (month < 1 || month > 12) problems.push({ field: 'month', message: `month must be 1 to 12, got ${month}.` });
  }
}

/** A sum of amounts grouped by what the summary needs. */
export interface BudgetSum {
  kind: BudgetKind;
  flow: BudgetFlow;
  month: number;
  chapterCode: string;
  sectionCode: string;
  itemCode: string;
  amountVnd: number;
}

export interface FlowTotals {
  estimateVnd: number;
  actualVnd: number;
  /** actual ÷ estimate, rounded to 0.001; null without an estimate. May exceed 1. */
  executionRate: number | null;
}

export interface MonthTotals {
  month: number;
  revenueVnd: number;
  expenditureVnd: number;
  revenueCumulativeVnd: number;
  expenditureCumulativeVnd: number;
}

export interface ItemTotals extends FlowTotals {
  flow: BudgetFlow;
  chapterCode: string;
  sectionCode: string;
  itemCode: string;
}

export interface BudgetSummaryData {
  revenue: FlowTotals;
  expenditure: FlowTotals;
  months: MonthTotals[];
  items: ItemTotals[];
  lastMonthReported: number | null;
}

export function executionRate(actual: number, estimate: number): number | null {
  return estimate > 0 ? Math.round((actual / estimate) * 1000) / 1000 : null;
}

function totals(estimateVnd: number, actualVnd: number): FlowTotals {
  return { estimateVnd, actualVnd, executionRate: executionRate(actualVnd, estimateVnd) };
}

/** Totals per flow, a 12-month series (with cumulative sums) and totals per item, from grouped sums. */
export function summarizeBudget(sums: readonly BudgetSum[]): BudgetSummaryData {
  const flowSum = (flow: BudgetFlow, kind: BudgetKind) => sums.filter((s) => s.flow === flow && s.kind === kind).reduce((t, s) => t + s.amountVnd, 0);
  const executions = sums.filter((s) => s.kind === BudgetKind.EXECUTION);
  const months: MonthTotals[] = [];
  let revenueCumulativeVnd = 0;
  let expenditureCumulativeVnd = 0;
  for (let month = 1; month <= 12; month++) {
    const inMonth = executions.filter((s) => s.month === month);
    const revenueVnd = inMonth.filter((s) => s.flow === BudgetFlow.REVENUE).reduce((t, s) => t + s.amountVnd, 0);
    const expenditureVnd = inMonth.filter((s) => s.flow === BudgetFlow.EXPENDITURE).reduce((t, s) => t + s.amountVnd, 0);
    revenueCumulativeVnd += revenueVnd;
    expenditureCumulativeVnd += expenditureVnd;
    months.push({ month, revenueVnd, expenditureVnd, revenueCumulativeVnd, expenditureCumulativeVnd });
  }
  const items = new Map<string, ItemTotals>();
  for (const s of sums) {
    const key = [s.flow, s.chapterCode, s.sectionCode, s.itemCode].join('|');
    const item = items.get(key) ?? { flow: s.flow, chapterCode: s.chapterCode, sectionCode: s.sectionCode, itemCode: s.itemCode, estimateVnd: 0, actualVnd: 0, executionRate: null };
    if (s.kind === BudgetKind.ESTIMATE) item.estimateVnd += s.amountVnd;
    else item.actualVnd += s.amountVnd;
    items.set(key, item);
  }
  const reported = executions.map((s) => s.month);
  return {
    revenue: totals(flowSum(BudgetFlow.REVENUE, BudgetKind.ESTIMATE), flowSum(BudgetFlow.REVENUE, BudgetKind.EXECUTION)),
    expenditure: totals(flowSum(BudgetFlow.EXPENDITURE, BudgetKind.ESTIMATE), flowSum(BudgetFlow.EXPENDITURE, BudgetKind.EXECUTION)),
    months,
    items: [...items.values()]
      .map((i) => ({ ...i, executionRate: executionRate(i.actualVnd, i.estimateVnd) }))
      .sort((a, b) => a.flow.localeCompare(b.flow) || a.itemCode.localeCompare(b.itemCode) || a.sectionCode.localeCompare(b.sectionCode) || a.chapterCode.localeCompare(b.chapterCode)),
    lastMonthReported: reported.length ? Math.max(...reported) : null,
  };
}
