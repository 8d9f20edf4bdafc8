import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { TelehealthAccountStatus } from './telehealth-account.entity.js';
import { TeleconsultationStatus } from './teleconsultation.entity.js';

registerEnumType(TelehealthAccountStatus, { name: 'TelehealthAccountStatus', description: 'CREATED (not yet handed over), ACTIVE (in use) or SUSPENDED.' });
registerEnumType(TeleconsultationStatus, { name: 'TeleconsultationStatus', description: 'SCHEDULED, then COMPLETED or CANCELLED.' });

@ObjectType('TelehealthAccount', { description: 'A health station\'s account on a telehealth (khám chữa bệnh từ xa) platform. Public.' })
export class TelehealthAccountNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'The platform, e.g. "Telehealth (Viettel)".' })
  platform!: string;

  @Field(() => String, { description: 'Who provides it.' })
  provider!: string;

  @Field(() => TelehealthAccountStatus, { description: 'Status.' })
  status!: TelehealthAccountStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When the account was created (the 1st of the month when only the month is known).' })
  createdOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the handover to the station is planned.' })
  handoverPlannedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was handed over.' })
  handedOverOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where these facts come from.' })
  note!: string | null;

  /** Internal. */
  communeId!: string;
}

@ObjectType('Teleconsultation', { description: 'A remote consultation between the station and a specialist. Health staff of the commune only.' })
export class TeleconsultationNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Date, { description: 'When it takes (or took) place.' })
  scheduledAt!: Date;

  @Field(() => String, { description: 'The specialist\'s name and title.' })
  specialist!: string;

  @Field(() => String, { nullable: true, description: 'Specialty, e.g. "Tim mạch".' })
  specialty!: string | null;

  @Field(() => String, { nullable: true, description: 'The specialist\'s hospital.' })
  hospital!: string | null;

  @Field(() => TeleconsultationStatus, { description: 'Status.' })
  status!: TeleconsultationStatus;
}

export const { ConnectionType: TeleconsultationConnection } = connectionTypes(TeleconsultationNode, 'Teleconsultation', 'teleconsultation');
