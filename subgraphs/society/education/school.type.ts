import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { SchoolLevel } from './school.entity.js';
import { SchoolSystemKind } from './school-system.entity.js';
import { SchoolSystemStatus } from './school.rules.js';

registerEnumType(SchoolLevel, { name: 'SchoolLevel', description: 'Level of a school: mầm non, tiểu học, THCS, liên cấp tiểu học và THCS, THPT.' });
registerEnumType(SchoolSystemKind, {
  name: 'SchoolSystemKind',
  description: 'What a school system does: school management, electronic records (học bạ, sổ điểm), e-learning, parent communication, other.',
});

registerEnumType(SchoolSystemStatus, {
  name: 'SchoolSystemStatus',
  description: 'Status of a school system on a date, derived from its milestones: PLANNED, ACCOUNTS_CREATED, LIVE (from liveFrom), RETIRED (from retiredOn).',
});

@ObjectType('School', { description: 'A school of a commune and the digital systems it uses (smart education).' })
@Directive(PART_OF_PARENT)
export class SchoolNode {
  @Field(() => ID, { description: 'Stable identifier of the school.' })
  id!: string;

  @Field(() => String, { description: 'Full name, e.g. "Trường Tiểu học Liên Sơn".' })
  name!: string;

  @Field(() => SchoolLevel, { description: 'Level.' })
  level!: SchoolLevel;

  /** Internal. */
  communeId!: string;
}

@ObjectType('SchoolSystem', { description: 'A digital system a school uses, with its go-live date as data.' })
@Directive(PART_OF_PARENT)
export class SchoolSystemNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => SchoolSystemKind, { description: 'What it does.' })
  kind!: SchoolSystemKind;

  @Field(() => String, { description: 'Name of the system as the school knows it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Who provides it, e.g. "Viettel Hòa Bình".' })
  provider!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the school\'s accounts were created (the 1st of the month when only the month is known).' })
  accountsCreatedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day in use, the go-live date (the 1st of the month when only the month is known).' })
  liveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it stopped being used; null while in use.' })
  retiredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where these milestones come from.' })
  source!: string | null;
}
