import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum DeviceKind {
  /** A smart-radio receiver of a loudspeaker cluster. */
  RADIO_RECEIVER = 'RADIO_RECEIVER',
  CAMERA = 'CAMERA',
}

/**
 * A piece of hardware that reports heartbeats with its own credential. Only the SHA-256 of the
 * credential's secret is stored; the credential itself is shown once, when it is issued.
 */
@Entity({ tableName: 'device' })
@Index({ properties: ['communeId'] })
@Index({ properties: ['clusterId'] })
@Index({ properties: ['cameraId'] })
export class Device {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Enum({ items: () => DeviceKind, type: 'string' })
  kind!: DeviceKind;

  /** The radio cluster of a RADIO_RECEIVER. */
  @Property({ type: 'string', length: 64, nullable: true })
  clusterId?: string | null;

  /** The camera a CAMERA device is. */
  @Property({ type: 'string', length: 64, nullable: true })
  cameraId?: string | null;

  @Property({ type: 'string', length: 200 })
  label!: string;

  /** Hex SHA-256 of "<device id>.<secret>". */
  @Property({ type: 'string', length: 64, hidden: true })
  credentialHash!: string;

  /** Silent this long (seconds) = offline. */
  @Property({ type: 'integer' })
  offlineAfterSeconds!: number;

  @Property({ type: 'datetime' })
  registeredAt!: Date;

  /** When it was taken out of service: its credential stops working, it no longer counts. */
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null;

  /** The last accepted heartbeat; null before the first. */
  @Property({ type: 'datetime', nullable: true })
  lastSeenAt?: Date | null;
}
