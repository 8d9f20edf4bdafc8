import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { BudgetFlow, BudgetKind } from './budget-enums.js';

/**
 * One amount of a commune's budget, classified by the state budget index (Mục lục ngân sách nhà
 * nước, Circular 324/2016/TT-BTC): the year's estimate for an item, or what was executed in one month.
 * Codes that do not apply are stored as '' so that the natural key stays unique on both dialects.
 */
@Entity({ tableName: 'budget_line' })
@Unique({ properties: ['unitId', 'year', 'kind', 'month', 'flow', 'chapterCode', 'sectionCode', 'itemCode', 'subItemCode'] })
@Index({ properties: ['unitId', 'year'] })
export class BudgetLine {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** Commune.id the budget belongs to. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => BudgetKind, type: 'string' })
  kind!: BudgetKind;

  /** 1..12 for an execution; 0 for the year's estimate. */
  @Property({ type: 'integer' })
  month!: number;

  @Enum({ items: () => BudgetFlow, type: 'string' })
  flow!: BudgetFlow;

  /** Chương: the budget unit's chapter, 3 digits. */
  @Property({ type: 'string', length: 3 })
  chapterCode!: string;

  /** Loại–khoản (the function, e.g. 341 state administration), 3 digits, or ''. */
  @Property({ type: 'string', length: 3 })
  sectionCode!: string;

  /** Mục (the kind of revenue or expense), 4 digits. */
  @Property({ type: 'string', length: 4 })
  itemCode!: string;

  /** Tiểu mục, 4 digits, or ''. */
  @Property({ type: 'string', length: 4 })
  subItemCode!: string;

  @Property({ type: new BigIntType('number') })
  amountVnd!: number;

  @Property({ type: 'string', length: 300, nullable: true })
  description?: string | null;

  /** Where the figure comes from (the commune's budget report, the treasury's statement). */
  @Property({ type: 'string', length: 300 })
  source!: string;
}
