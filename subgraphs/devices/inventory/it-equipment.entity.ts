import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ItEquipmentKind, ItEquipmentStatus } from './inventory.rules.js';

/** A line of the commune office's LAN and IT inventory: a kind of equipment, how many, since when, in what state. */
@Entity({ tableName: 'it_equipment' })
@Index({ properties: ['communeId'] })
export class ItEquipment {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Enum({ items: () => ItEquipmentKind, type: 'string' })
  kind!: ItEquipmentKind;

  /** Model or description, NFC. */
  @Property({ type: 'string', length: 200 })
  description!: string;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'date', nullable: true })
  acquiredOn?: string | null;

  @Enum({ items: () => ItEquipmentStatus, type: 'string' })
  status!: ItEquipmentStatus;

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
