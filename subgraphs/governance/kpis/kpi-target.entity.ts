import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { KpiIndicator, TargetScope } from './kpi-enums.js';

/**
 * A target for an indicator in a year, set for a province (applies to all its communes) or for one
 * commune (overrides the province's). E.g. Hòa Bình 2021: online rate at least 0.5.
 */
@Entity({ tableName: 'kpi_target' })
@Unique({ properties: ['unitId', 'year', 'indicator'] })
export class KpiTarget {
  @PrimaryKey({ type: 'string', length: 24 })
  id!: string;

  @Enum({ items: () => TargetScope, type: 'string' })
  scope!: TargetScope;

  /** AdministrativeUnit.id of the province or commune. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => KpiIndicator, type: 'string' })
  indicator!: KpiIndicator;

  /** The rate (0..1) to reach or exceed. */
  @Property({ type: 'double' })
  minimum!: number;

  /** Where the target comes from (a plan or decision). */
  @Property({ type: 'string', length: 500 })
  source!: string;
}
