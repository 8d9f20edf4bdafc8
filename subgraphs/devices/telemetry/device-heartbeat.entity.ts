import { Entity, PrimaryKey } from '@mikro-orm/core';

/** One accepted heartbeat: the history uptime is computed from. Rejected heartbeats are only logged. */
@Entity({ tableName: 'device_heartbeat' })
export class DeviceHeartbeat {
  @PrimaryKey({ type: 'string', length: 36 })
  deviceId!: string;

  /** Server time of receipt (a device's own clock is never trusted). */
  @PrimaryKey({ type: 'datetime' })
  receivedAt!: Date;
}
