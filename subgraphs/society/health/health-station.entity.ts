import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A commune health station (trạm y tế xã), holder of the commune's health records. It also keeps
 * the population the coverage KPI divides by: the source gives no population, so the figure, its
 * date and where it came from are data here, replaceable without a code change.
 */
@Entity({ tableName: 'health_station' })
export class HealthStation {
  @PrimaryKey({ type: 'string', length: 16 })
  communeId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Residents of the commune; null when unknown. */
  @Property({ type: 'integer', nullable: true })
  population?: number | null;

  @Property({ type: 'date', nullable: true })
  populationAsOf?: string | null;

  /** Where the population figure came from (a census, a commune report, or an assumption). */
  @Property({ type: 'string', length: 500, nullable: true })
  populationSource?: string | null;
}
