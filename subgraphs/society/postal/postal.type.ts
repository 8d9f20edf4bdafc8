import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { PostalDossierLink } from './postal-dossier-link.entity.js';
import { PostalPoint } from './postal-point.entity.js';
import { PostalDossierDirection, PostalService } from './postal.rules.js';

registerEnumType(PostalService, {
  name: 'PostalService',
  description: 'A service of a commune postal point.',
  valuesConfig: {
    MAIL: { description: 'Letters and parcels.' },
    PUBLIC_SERVICE_DOSSIERS: { description: 'Administrative dossiers handed in and results handed back (public postal service).' },
    INTERNET_ACCESS: { description: 'Public internet access.' },
    ECOMMERCE_PICKUP: { description: 'E-commerce pick-up and drop-off (postmart.vn, voso.vn orders).' },
    READING_ROOM: { description: 'Reading room (bưu điện văn hóa).' },
  },
});
registerEnumType(PostalDossierDirection, {
  name: 'PostalDossierDirection',
  description: 'Which way a dossier went through the postal point.',
  valuesConfig: {
    RECEIVED: { description: 'Handed in by the applicant at the point, carried to the one-stop desk.' },
    RETURNED: { description: 'The result handed back to the applicant from the point.' },
  },
});

@ObjectType('PostalPoint', { description: 'A commune postal and telecom service point (bưu điện văn hóa xã).' })
export class PostalPointType {
  @Field(() => ID, { description: 'Point id.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'Address.' })
  address!: string;

  @Field(() => [PostalService], { description: 'Services offered.' })
  services!: PostalService[];

  @Field(() => String, { description: 'Opening hours as posted.' })
  openingHours!: string;
}

@ObjectType('PostalDossierLink', { description: 'A dossier that went through the point (ids only; the dossier is governance\'s).' })
export class PostalDossierLinkType {
  @Field(() => ID, { description: 'Dossier.id (governance): read it with the dossier query.' })
  dossierId!: string;

  @Field(() => PostalDossierDirection, { description: 'Received or returned.' })
  direction!: PostalDossierDirection;

  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: Date;
}

@ObjectType({ description: 'Dossiers through a postal point in a year (public counts).' })
export class PostalDossierStats {
  @Field(() => Int, { description: 'received = dossiers handed in at the point in the year.' })
  received!: number;

  @Field(() => Int, { description: 'returned = results handed back from the point in the year.' })
  returned!: number;
}

@InputType({ description: 'A new postal point.' })
export class AddPostalPointInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => String, { description: 'Name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'Address, 1 to 500 characters.' })
  address!: string;

  @Field(() => [PostalService], { description: 'Services (at least one).' })
  services!: PostalService[];

  @Field(() => String, { description: 'Opening hours, 1 to 300 characters.' })
  openingHours!: string;
}

@InputType({ description: 'A dossier through a postal point.' })
export class LinkPostalDossierInput {
  @Field(() => ID, { description: 'The postal point.' })
  pointId!: string;

  @Field(() => ID, { description: 'Dossier.id (governance).' })
  dossierId!: string;

  @Field(() => PostalDossierDirection, { description: 'Received or returned.' })
  direction!: PostalDossierDirection;

  @Field(() => DateTimeScalar, { description: 'When, not in the future.' })
  at!: Date;
}

@ObjectType({ description: 'The point as it now stands.' })
export class PostalPointPayload {
  @Field(() => PostalPointType, { description: 'The point.' })
  postalPoint!: PostalPoint;
}

@ObjectType({ description: 'The link recorded.' })
export class PostalDossierLinkPayload {
  @Field(() => PostalDossierLinkType, { description: 'The link.' })
  link!: PostalDossierLink;
}
