import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** What a cash point handled in a month, in whole đồng. */
@Entity({ tableName: 'cash_point_month' })
export class CashPointMonth {
  @PrimaryKey({ type: 'string', length: 64 })
  cashPointId!: string;

  /** yyyy-mm. */
  @PrimaryKey({ type: 'string', length: 7 })
  month!: string;

  @Property({ type: new BigIntType('number') })
  cashInVnd!: number;

  @Property({ type: new BigIntType('number') })
  cashOutVnd!: number;
}
