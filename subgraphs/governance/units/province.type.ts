import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { Commune } from './commune.type.js';

/** What a province-level unit is: a tỉnh, or a thành phố trực thuộc trung ương (a municipality such as Hà Nội). */
export enum ProvinceKind {
  PROVINCE = 'PROVINCE',
  MUNICIPALITY = 'MUNICIPALITY',
}

registerEnumType(ProvinceKind, {
  name: 'ProvinceKind',
  description: 'Tỉnh (PROVINCE) or thành phố trực thuộc trung ương (MUNICIPALITY, e.g. Hà Nội, Huế).',
});

@ObjectType({
  description:
    'A province-level unit (tỉnh, thành phố trực thuộc trung ương) over one validity period. GSO codes are reused across the 2025 reform ' +
    '(25 was Phú Thọ before it, and the merged Phú Thọ after), so the key is `id`; a province the reform left alone (Hà Nội) keeps its id.',
})
export class Province {
  @Field(() => ID, { description: 'Stable identifier: "<GSO code>/<n>", the n-th unit to bear that code, e.g. "25/2" for Phú Thọ from 2025-07-01.' })
  id!: string;

  @Field(() => String, { description: 'GSO code (2 digits), unique only within the validity period.' })
  code!: string;

  @Field(() => String, { description: 'Name without the "Tỉnh"/"Thành phố" prefix, e.g. "Phú Thọ".' })
  name!: string;

  @Field(() => ProvinceKind, { description: 'Tỉnh or thành phố trực thuộc trung ương.' })
  kind!: ProvinceKind;

  @Field(() => DateScalar, { nullable: true, description: 'First day the unit existed; null when it predates the registry.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the unit existed (inclusive); null while it exists.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'The act that created the unit, e.g. "Resolution 60-NQ/TW; GSO letter 915/CTK-CSCL".' })
  legalBasis!: string | null;

  /** Internal: the date the province was read at, the default date of its commune list. */
  asOf!: string;
}

export const { ConnectionType: CommuneConnection } = connectionTypes(Commune, 'Commune', 'commune');
