import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** How many officials a commune paid from the state budget in a year: the denominator of the account share. */
@Entity({ tableName: 'commune_staffing' })
export class CommuneStaffing {
  @PrimaryKey({ type: 'string', length: 16 })
  communeId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  budgetPaidOfficials!: number;

  @Property({ type: 'string', length: 300 })
  source!: string;
}
