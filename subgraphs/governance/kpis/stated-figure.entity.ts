import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { KpiIndicator } from './kpi-enums.js';

/**
 * A figure a source report stated for a commune and year (e.g. the pilot report's "online rate
 * 26.7%"), kept beside the figure the hub computes from records so a reader sees both and the gap.
 */
@Entity({ tableName: 'stated_figure' })
@Unique({ properties: ['unitId', 'year', 'indicator', 'source'] })
export class StatedFigure {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  /** Commune.id the figure is about. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => KpiIndicator, type: 'string' })
  indicator!: KpiIndicator;

  /** The stated rate, 0..1 (a stated 26.7% is 0.267). */
  @Property({ type: 'double' })
  value!: number;

  /** The rounding step of the statement: 0.001 for a percentage given to one decimal. */
  @Property({ type: 'double' })
  precision!: number;

  /** The report that stated it. */
  @Property({ type: 'string', length: 500 })
  source!: string;

  /** What the report's figure appears to be, e.g. "411 ÷ 1,541 (divided by on-time resolved)". */
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
