import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { Device, DeviceKind } from './device.entity.js';

export enum DeviceStatus {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  RETIRED = 'RETIRED',
}

registerEnumType(DeviceKind, {
  name: 'DeviceKind',
  description: 'What a heartbeat-reporting device is.',
  valuesConfig: {
    RADIO_RECEIVER: { description: 'A smart-radio receiver of a loudspeaker cluster.' },
    CAMERA: { description: 'A security camera.' },
  },
});
registerEnumType(DeviceStatus, {
  name: 'DeviceStatus',
  description: 'ONLINE when the last heartbeat is less than offlineAfterSeconds old; OFFLINE otherwise, including before the first heartbeat.',
  valuesConfig: {
    ONLINE: { description: 'Heard from within offlineAfterSeconds.' },
    OFFLINE: { description: 'Silent for offlineAfterSeconds or more, or never heard from.' },
    RETIRED: { description: 'Taken out of service (retireDevice): its credential no longer works.' },
  },
});

@ObjectType('Device', { description: 'A device that reports heartbeats (POST /devices/heartbeat) with its own credential.' })
export class DeviceType {
  @Field(() => ID, { description: 'Device id; the first part of its credential.' })
  id!: string;

  @Field(() => DeviceKind, { description: 'What the device is.' })
  kind!: DeviceKind;

  @Field(() => String, { description: 'Human label, e.g. "Receiver, Xóm 1".' })
  label!: string;

  @Field(() => Int, { description: 'Silent this many seconds or more = OFFLINE.' })
  offlineAfterSeconds!: number;

  @Field(() => DateTimeScalar, { description: 'When the device was registered (uptime is counted from then).' })
  registeredAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its last accepted heartbeat arrived; null before the first.' })
  lastSeenAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was taken out of service; null while in service.' })
  retiredAt!: Date | null;
}

@ObjectType({ description: 'Uptime over a period, from heartbeat history.' })
export class Uptime {
  @Field(() => DateTimeScalar, { description: 'Start of the period asked for.' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the period asked for (exclusive).' })
  to!: Date;

  @Field(() => Int, { description: 'Devices counted.' })
  devices!: number;

  @Field(() => Float, {
    description: 'Seconds monitored: the period clipped to [registeredAt, now), summed over the devices counted.',
  })
  monitoredSeconds!: number;

  @Field(() => Float, {
    description: 'Seconds online: a heartbeat at t covers [t, t + offlineAfterSeconds), or up to the next heartbeat if sooner; summed over the devices, within the monitored window.',
  })
  onlineSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'uptime = onlineSeconds ÷ monitoredSeconds, 0..1; null when nothing was monitored.' })
  uptime!: number | null;
}

@InputType({ description: 'Registers a device that will report heartbeats. Give exactly one of clusterId and cameraId.' })
export class RegisterDeviceInput {
  @Field(() => ID, { nullable: true, description: 'The radio cluster this receiver belongs to.' })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The camera this device is.' })
  cameraId?: string | null;

  @Field(() => String, { description: 'Human label, 1 to 200 characters.' })
  label!: string;

  @Field(() => Int, { nullable: true, description: 'Silent this many seconds = offline: 1 to 86400, default 300.' })
  offlineAfterSeconds?: number | null;
}

@InputType({ description: 'Issues a new credential for a device; the old one stops working at once.' })
export class RotateDeviceCredentialInput {
  @Field(() => ID, { description: 'The device.' })
  deviceId!: string;
}

@InputType({ description: 'Takes a device out of service (replaced, removed): its credential stops working and it no longer counts in status.' })
export class RetireDeviceInput {
  @Field(() => ID, { description: 'The device.' })
  deviceId!: string;
}

@ObjectType({ description: 'The device as it now stands.' })
export class RetireDevicePayload {
  @Field(() => DeviceType, { description: 'The device.' })
  device!: Device;
}

@ObjectType({ description: 'A device and its credential. The credential is shown only here, once: store it on the device.' })
export class DeviceCredentialPayload {
  @Field(() => DeviceType, { description: 'The device.' })
  device!: Device;

  @Field(() => String, {
    description: 'The device\'s credential, "<device id>.<secret>": send it as "Authorization: Bearer <credential>" with each heartbeat. Not retrievable later.',
  })
  credential!: string;
}
