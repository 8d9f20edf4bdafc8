/** A column table that can make room ahead (PaymentTable, LedgerTable). */
export interface Reservable {
  /** Room for `rows` rows, their texts at `textFactor` times those held so far. */
  reserve(rows: number, textFactor: number): void;
}

/**
 * Sizes `table` for the rows its input is expected to hold, once its first `rowsSoFar` rows show
 * how long their texts are: a table sized once grows no more, where doubling its columns all the
 * way to a million rows leaves each replaced one for a full collection to free. A little over, so
 * that later rows a bit longer (or rows added meanwhile) grow the table as before.
 */
export function sizeAhead(table: Reservable, rowsSoFar: number, expectedRows: number): void {
  if (rowsSoFar === 0 || expectedRows < rowsSoFar * 1.5) return;
  const factor = (expectedRows / rowsSoFar) * 1.03;
  table.reserve(Math.ceil(rowsSoFar * factor) + 64, factor);
}
