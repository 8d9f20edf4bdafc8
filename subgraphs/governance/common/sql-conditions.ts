import type { SqlValue } from './dialect.js';

/** A `where` clause built from optional filters, with its bound parameters in order. */
export class SqlConditions {
  private readonly clauses: string[] = [];
  readonly params: SqlValue[] = [];

  add(clause: string, ...params: SqlValue[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  copy(): SqlConditions {
    const next = new SqlConditions();
    next.clauses.push(...this.clauses);
    next.params.push(...this.params);
    return next;
  }

  toSql(): string {
    return this.clauses.length ? `where ${this.clauses.map((c) => `(${c})`).join(' and ')}` : '';
  }
}
