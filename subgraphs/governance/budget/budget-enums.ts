/** Revenue (thu) or expenditure (chi) of the state budget. */
export enum BudgetFlow {
  REVENUE = 'REVENUE',
  EXPENDITURE = 'EXPENDITURE',
}

/** The approved estimate (dự toán) for a year, or the execution (thực hiện) recorded for a month. */
export enum BudgetKind {
  ESTIMATE = 'ESTIMATE',
  EXECUTION = 'EXECUTION',
}
