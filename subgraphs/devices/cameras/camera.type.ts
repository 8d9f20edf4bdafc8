import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { InstallationState } from '../equipment-status.js';
import { Camera, CameraFeed, CameraPurpose } from './camera.entity.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../equipment-status.type.js';

registerEnumType(CameraPurpose, {
  name: 'CameraPurpose',
  description: 'What a camera watches.',
  valuesConfig: {
    SECURITY: { description: 'Security of a site or area.' },
    TRAFFIC: { description: 'Road traffic.' },
    PUBLIC_ORDER: { description: 'Public order in a gathering place (market, square).' },
    DISASTER_WATCH: { description: 'Natural hazards: floods, landslides, forest fires.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(CameraFeed, {
  name: 'CameraFeed',
  description: 'A centre receiving a camera feed.',
  valuesConfig: {
    IOC: { description: 'The intelligent operations centre (IOC).' },
    POLICE: { description: 'The commune police operations room.' },
  },
});

@ObjectType('Camera', { description: 'A security camera. Its stream URL is shown to the security role of its commune only.' })
export class CameraType {
  @Field(() => ID, { description: 'Camera id.' })
  id!: string;

  @Field(() => String, { description: 'Short name.' })
  name!: string;

  @Field(() => String, { description: 'Where it is mounted.' })
  location!: string;

  @Field(() => CameraPurpose, { description: 'What it watches.' })
  purpose!: CameraPurpose;

  @Field(() => [CameraFeed], { description: 'Centres receiving its feed.' })
  feeds!: CameraFeed[];

  @Field(() => InstallationState, { description: 'What was recorded: PLANNED, INSTALLED or FAULTY. `status` refines it with heartbeats.' })
  state!: InstallationState;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was installed; null if unknown or planned.' })
  installedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Remark.' })
  note!: string | null;
}

@InputType({ description: 'A new camera.' })
export class AddCameraInput {
  @Field(() => ID, { description: 'Commune.id, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => String, { description: 'Short name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'Where it is mounted, 1 to 500 characters.' })
  location!: string;

  @Field(() => CameraPurpose, { description: 'What it watches.' })
  purpose!: CameraPurpose;

  @Field(() => [CameraFeed], { description: 'Centres receiving its feed (at least one).' })
  feeds!: CameraFeed[];

  @Field(() => String, { nullable: true, description: 'Stream URI (rtsp://, rtsps://, http:// or https://), at most 1000 characters.' })
  streamUrl?: string | null;

  @Field(() => InstallationState, { description: 'PLANNED, INSTALLED or FAULTY.' })
  state!: InstallationState;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was installed (not for PLANNED).' })
  installedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'Changes to a camera; fields left out stay as they are (streamUrl: null clears it).' })
export class UpdateCameraInput {
  @Field(() => ID, { description: 'The camera.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Short name, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it is mounted, 1 to 500 characters.' })
  location?: string | null;

  @Field(() => CameraPurpose, { nullable: true, description: 'What it watches.' })
  purpose?: CameraPurpose | null;

  @Field(() => [CameraFeed], { nullable: true, description: 'Centres receiving its feed (at least one).' })
  feeds?: CameraFeed[] | null;

  @Field(() => String, { nullable: true, description: 'Stream URI (rtsp://, rtsps://, http:// or https://); null removes it.' })
  streamUrl?: string | null;

  @Field(() => InstallationState, { nullable: true, description: 'PLANNED, INSTALLED or FAULTY.' })
  state?: InstallationState | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was installed.' })
  installedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters.' })
  note?: string | null;
}

@ObjectType({ description: 'The camera as it now stands.' })
export class CameraPayload {
  @Field(() => CameraType, { description: 'The camera.' })
  camera!: Camera;
}
