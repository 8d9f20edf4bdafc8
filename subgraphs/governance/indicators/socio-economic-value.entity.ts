import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SocioEconomicIndicator } from './indicator-enums.js';

/** One indicator's value for a commune and year, with the period it covers and its source. */
@Entity({ tableName: 'socio_economic_value' })
@Unique({ properties: ['unitId', 'year', 'indicator'] })
export class SocioEconomicValue {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** Commune.id. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => SocioEconomicIndicator, type: 'string' })
  indicator!: SocioEconomicIndicator;

  /** In the indicator's unit (INDICATOR_UNITS): a count, đồng, or a rate 0..1. */
  @Property({ type: 'double' })
  value!: number;

  /** First day the value covers ('yyyy-mm-dd'). */
  @Property({ type: 'date' })
  periodFrom!: string;

  /** Last day the value covers; a stock (population) is counted on this day. */
  @Property({ type: 'date' })
  periodTo!: string;

  @Property({ type: 'string', length: 300 })
  source!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
