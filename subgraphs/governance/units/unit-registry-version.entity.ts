import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row (id 1) counting the changes to the registry (units and successions): every write bumps it
 * in its own transaction (unit-snapshot.store.ts), so a process holding the registry in memory
 * learns from one single-row read whether anything changed, in this process or another (an import
 * run with `hub import units` while the hub serves).
 */
@Entity({ tableName: 'unit_registry_version' })
export class UnitRegistryVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer' })
  version!: number;
}
