import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { CashPointOperator } from './cashless.rules.js';

/** A cash-in/cash-out point (điểm nạp/rút tiền) where residents turn cash into e-money and back. */
@Entity({ tableName: 'cash_point' })
@Index({ properties: ['communeId'] })
export class CashPoint {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Enum({ items: () => CashPointOperator, type: 'string' })
  operator!: CashPointOperator;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 500 })
  address!: string;
}
