import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One vaccine dose given (part 3 of a Decision 831 record). */
@Entity({ tableName: 'vaccination' })
@Index({ properties: ['recordId', 'givenOn'] })
export class Vaccination {
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  recordId!: string;

  /** Vaccine as recorded, e.g. "BCG", "DPT-VGB-Hib (5 in 1)", "COVID-19 (AstraZeneca)". */
  @Property({ type: 'string', length: 100 })
  vaccine!: string;

  /** Dose number in its series, 1-based. */
  @Property({ type: 'integer' })
  dose!: number;

  @Property({ type: 'date' })
  givenOn!: string;

  @Property({ type: 'string', length: 200 })
  place!: string;
}
