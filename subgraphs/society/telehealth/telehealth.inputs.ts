import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { TeleconsultationStatus } from './teleconsultation.entity.js';
import { TeleconsultationNode } from './telehealth.type.js';

@InputType({ description: 'A consultation to schedule on the station\'s telehealth account.' })
export class ScheduleTeleconsultationInput {
  @Field(() => ID, { description: 'Commune.id of the station.' })
  communeId!: string;

  @Field(() => Date, { description: 'When.' })
  scheduledAt!: Date;

  @Field(() => String, { description: 'The specialist\'s name and title, 2 to 200 characters.' })
  specialist!: string;

  @Field(() => String, { nullable: true, description: 'Specialty.' })
  specialty?: string | null;

  @Field(() => String, { nullable: true, description: 'The specialist\'s hospital.' })
  hospital?: string | null;
}

@ObjectType({ description: 'The consultation scheduled.' })
export class ScheduleTeleconsultationPayload {
  @Field(() => TeleconsultationNode, { description: 'The consultation.' })
  consultation!: TeleconsultationNode;
}

@InputType({ description: 'Close a scheduled consultation as completed or cancelled.' })
export class CloseTeleconsultationInput {
  @Field(() => ID, { description: 'Teleconsultation.id.' })
  consultationId!: string;

  @Field(() => TeleconsultationStatus, { description: 'COMPLETED or CANCELLED.' })
  status!: TeleconsultationStatus;
}

@ObjectType({ description: 'The consultation closed.' })
export class CloseTeleconsultationPayload {
  @Field(() => TeleconsultationNode, { description: 'The consultation.' })
  consultation!: TeleconsultationNode;
}
