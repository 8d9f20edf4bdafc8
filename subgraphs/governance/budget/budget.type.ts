import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VndScalar } from '../../../core/graphql/scalars.js';
import { BudgetFlow } from './budget-enums.js';

registerEnumType(BudgetFlow, {
  name: 'BudgetFlow',
  description: 'Revenue (thu) or expenditure (chi) of the state budget.',
  valuesConfig: {
    REVENUE: { description: 'Thu ngân sách: taxes, fees, other revenue and transfers received.' },
    EXPENDITURE: { description: 'Chi ngân sách: salaries, operations, investment.' },
  },
});

const RATE = 'executionRate = actualVnd ÷ estimateVnd, rounded to 0.001; null without an estimate. It exceeds 1 when more was executed than estimated.';

@ObjectType({ description: 'Estimate and execution of one flow (revenue or expenditure) over a year.' })
export class BudgetFlowTotals {
  @Field(() => VndScalar, { description: 'The year\'s approved estimate (dự toán).' })
  estimateVnd!: number;

  @Field(() => VndScalar, { description: 'Executed so far in the year (thực hiện): the sum of the monthly executions recorded.' })
  actualVnd!: number;

  @Field(() => Float, { nullable: true, description: RATE })
  executionRate!: number | null;
}

@ObjectType({ description: 'What was executed in one month of the year, and since January.' })
export class BudgetMonth {
  @Field(() => Int, { description: 'Month, 1..12.' })
  month!: number;

  @Field(() => VndScalar, { description: 'Revenue executed in the month.' })
  revenueVnd!: number;

  @Field(() => VndScalar, { description: 'Expenditure executed in the month.' })
  expenditureVnd!: number;

  @Field(() => VndScalar, { description: 'Revenue executed from January to the end of this month.' })
  revenueCumulativeVnd!: number;

  @Field(() => VndScalar, { description: 'Expenditure executed from January to the end of this month.' })
  expenditureCumulativeVnd!: number;
}

@ObjectType({ description: 'Estimate and execution of one item (mục) of the state budget index in a year.' })
export class BudgetItem {
  @Field(() => BudgetFlow, { description: 'Revenue or expenditure.' })
  flow!: BudgetFlow;

  @Field(() => String, { description: 'Chương (chapter), 3 digits.' })
  chapterCode!: string;

  @Field(() => String, { nullable: true, description: 'Loại–khoản (section), 3 digits; null when not classified by function (most revenue).' })
  sectionCode!: string | null;

  @Field(() => String, { description: 'Mục (item), 4 digits: 1000–4999 revenue, 6000–9999 expenditure.' })
  itemCode!: string;

  @Field(() => VndScalar, { description: 'The year\'s estimate for the item.' })
  estimateVnd!: number;

  @Field(() => VndScalar, { description: 'Executed so far in the year for the item.' })
  actualVnd!: number;

  @Field(() => Float, { nullable: true, description: RATE })
  executionRate!: number | null;
}

@ObjectType({
  description:
    'A commune\'s budget for a calendar year (thu – chi ngân sách): estimate vs execution per flow, a monthly series and totals per ' +
    'item of the state budget index (Circular 324/2016/TT-BTC). Public: communes publish their budgets (Circular 343/2016/TT-BTC).',
})
export class BudgetSummary {
  @Field(() => Int, { description: 'The budget year.' })
  year!: number;

  @Field(() => [ID], { description: 'The communes counted: this one, and with includePredecessors those merged into it.' })
  communeIds!: string[];

  @Field(() => BudgetFlowTotals, { description: 'Revenue: estimate, actual, execution rate.' })
  revenue!: BudgetFlowTotals;

  @Field(() => BudgetFlowTotals, { description: 'Expenditure: estimate, actual, execution rate.' })
  expenditure!: BudgetFlowTotals;

  @Field(() => Int, { nullable: true, description: 'The last month with execution recorded (the actual figures run to its end); null before any.' })
  lastMonthReported!: number | null;

  @Field(() => [BudgetMonth], { description: 'The twelve months, January first; months without records are 0.' })
  months!: BudgetMonth[];

  @Field(() => [BudgetItem], { description: 'Totals per item (mục), revenue first, by item code.' })
  items!: BudgetItem[];
}
