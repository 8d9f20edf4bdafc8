import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { InstallationState } from '../equipment-status.js';
import { RadioCluster } from './radio-cluster.entity.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../equipment-status.type.js';

@ObjectType('RadioCluster', { description: 'A smart-radio loudspeaker cluster (cụm loa truyền thanh thông minh) at one point of a village.' })
@Directive(PART_OF_PARENT)
export class RadioClusterType {
  @Field(() => ID, { description: 'Cluster id.' })
  id!: string;

  @Field(() => String, { description: 'Village (thôn, xóm, bản) the cluster serves.' })
  village!: string;

  @Field(() => Int, { description: 'Receivers installed at this point (0 while planned).' })
  deviceCount!: number;

  @Field(() => Int, { description: 'Loudspeakers installed at this point (0 while planned).' })
  loudspeakerCount!: number;

  @Field(() => InstallationState, { description: 'What an officer recorded: PLANNED, INSTALLED or FAULTY. `status` refines it with heartbeats.' })
  state!: InstallationState;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was installed; null while planned or when the source gives no date.' })
  installedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Remark, e.g. why a point waits.' })
  note!: string | null;
}

@InputType({ description: 'A new loudspeaker cluster.' })
export class AddRadioClusterInput {
  @Field(() => ID, { description: 'Commune.id, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => String, { description: 'Village, 1 to 200 characters.' })
  village!: string;

  @Field(() => Int, { description: 'Receivers installed, 0 to 100 (0 while planned).' })
  deviceCount!: number;

  @Field(() => Int, { description: 'Loudspeakers installed, 0 to 1000 (0 while planned).' })
  loudspeakerCount!: number;

  @Field(() => InstallationState, { description: 'PLANNED, INSTALLED or FAULTY.' })
  state!: InstallationState;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was installed (not for PLANNED).' })
  installedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'Changes to a cluster; fields left out stay as they are.' })
export class UpdateRadioClusterInput {
  @Field(() => ID, { description: 'The cluster.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Receivers installed, 0 to 100.' })
  deviceCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Loudspeakers installed, 0 to 1000.' })
  loudspeakerCount?: number | null;

  @Field(() => InstallationState, { nullable: true, description: 'PLANNED, INSTALLED or FAULTY.' })
  state?: InstallationState | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was installed.' })
  installedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters.' })
  note?: string | null;
}

@ObjectType({ description: 'The cluster as it now stands.' })
export class RadioClusterPayload {
  @Field(() => RadioClusterType, { description: 'The cluster.' })
  radioCluster!: RadioCluster;
}
