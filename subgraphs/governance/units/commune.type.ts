import { STABLE_TYPE } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { CommuneKind } from './administrative-unit.entity.js';
import { SuccessionShare } from './unit-succession.entity.js';

registerEnumType(CommuneKind, {
  name: 'CommuneKind',
  description: 'What a commune-level unit is: xã (COMMUNE), phường (WARD), thị trấn (TOWNSHIP), đặc khu (SPECIAL_ZONE).',
});
registerEnumType(SuccessionShare, {
  name: 'SuccessionShare',
  description: 'Whether all of a predecessor, or only part of it, went into its successor.',
});

@ObjectType({
  // Plain properties skip type-graphql's per-field middleware: they cannot throw a domain error, and a province page has ~1,000.
  simpleResolvers: true,
  description:
    'A commune-level administrative unit (xã, phường, thị trấn) over one validity period. The spine of the graph: ' +
    'every domain hangs its data off Commune. GSO codes are reused across time (05068 was Nam Thượng, then Hợp Kim), ' +
    'so the key is `id`, never `code`.',
})
@Directive('@key(fields: "id")')
@Directive(STABLE_TYPE)
export class Commune {
  @Field(() => ID, { description: 'Stable identifier of this unit: "<GSO code>/<n>", the n-th unit to bear that code. Never reused.' })
  id!: string;

  @Field(() => String, { description: 'GSO code (5 digits), unique only within the validity period.' })
  code!: string;

  @Field(() => String, { description: 'Name without the "Xã"/"Phường" prefix, e.g. "Nam Thượng".' })
  name!: string;

  @Field(() => CommuneKind, { description: 'Xã, phường, thị trấn or đặc khu.' })
  kind!: CommuneKind;

  @Field(() => DateScalar, { nullable: true, description: 'First day the unit existed; null when it predates the registry.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the unit existed (inclusive); null while it exists.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'The act that created the unit, e.g. "Resolution 1676/NQ-UBTVQH15".' })
  legalBasis!: string | null;

  /** Internal: the province and district units, resolved by field resolvers. */
  provinceId!: string;
  districtId!: string | null;
}

@ObjectType({ description: 'One link of lineage: a predecessor unit (or part of it) that became part of a successor.' })
export class CommuneSuccession {
  @Field(() => Commune, { description: 'The unit on the other side of the link.' })
  commune!: Commune;

  @Field(() => SuccessionShare, { description: 'Whether all of the predecessor went into the successor, or only part.' })
  share!: SuccessionShare;
}
