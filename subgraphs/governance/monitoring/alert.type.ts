import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { AlertSeverity } from './alert-enums.js';

registerEnumType(AlertSeverity, {
  name: 'AlertSeverity',
  description: 'How much an alert needs attention.',
  valuesConfig: {
    LOW: { description: 'For information.' },
    MEDIUM: { description: 'Worth a look this week.' },
    HIGH: { description: 'Needs a response soon (misinformation spreading, a complaint going viral).' },
    CRITICAL: { description: 'Needs a response now (security, public order, a disaster rumour).' },
  },
});

@ObjectType('InformationAlert', { description: 'Something the internet information monitoring found about a commune. Officers of the commune only.' })
export class InformationAlertView {
  @Field(() => ID, { description: 'The alert\'s id.' })
  id!: string;

  @Field(() => ID, { description: 'Commune.id it is about.' })
  communeId!: string;

  @Field(() => String, { description: 'Where it was found (a site, a page, a monitoring service\'s channel).' })
  source!: string;

  @Field(() => String, { description: 'Address of the item found.' })
  url!: string;

  @Field(() => Date, { description: 'When the monitoring found it.' })
  detectedAt!: Date;

  @Field(() => String, { description: 'Topic, e.g. "đất đai", "môi trường", "an ninh trật tự".' })
  topic!: string;

  @Field(() => String, { description: 'Title or first line of the item.' })
  title!: string;

  @Field(() => AlertSeverity, { description: 'How much it needs attention.' })
  severity!: AlertSeverity;

  @Field(() => Boolean, { description: 'True once an officer (or the source system) handled it.' })
  handled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was handled; null while open.' })
  handledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What was done.' })
  handlingNote!: string | null;
}

export const { ConnectionType: InformationAlertConnection } = connectionTypes(InformationAlertView, 'InformationAlert', 'information alert');

@InputType({ description: 'Marks an alert handled.' })
export class HandleInformationAlertInput {
  @Field(() => ID, { description: 'InformationAlert.id.' })
  alertId!: string;

  @Field(() => String, { nullable: true, description: 'What was done (at most 2,000 characters).' })
  note?: string;
}

@ObjectType({ description: 'The alert after handling.' })
export class HandleInformationAlertPayload {
  @Field(() => InformationAlertView, { description: 'The alert, now handled.' })
  alert!: InformationAlertView;
}
