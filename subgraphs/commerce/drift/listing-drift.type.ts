import { Field, ObjectType } from 'type-graphql';
import { DriftField, DriftResolution } from './drift-kinds.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import './drift-kinds.type.js';

@ObjectType('ListingDrift', { description: 'One difference found between a listing as the hub holds it and as its marketplace shows it.' })
export class ListingDriftNode {
  @Field(() => DriftField, { description: 'What differs.' })
  field!: DriftField;

  @Field(() => String, { description: 'The hub\'s value as text (a price in đồng, a stock, a name, PUBLISHED; for DUPLICATE the id of the listing the hub keeps).' })
  hubValue!: string;

  @Field(() => String, { description: 'The marketplace\'s value as text (for STATUS: DELISTED or MISSING; for DUPLICATE the id of the copy).' })
  marketplaceValue!: string;

  @Field(() => Date, { description: 'When the audit (or a push from the marketplace) found it.' })
  detectedAt!: Date;

  @Field(() => DriftResolution, { nullable: true, description: 'How it was settled; null while the hub\'s write-back is under way.' })
  resolution!: DriftResolution | null;

  @Field(() => Date, { nullable: true, description: 'When it was settled; null while open.' })
  resolvedAt!: Date | null;
}
