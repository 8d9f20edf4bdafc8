import { ProductResolver, ProducerResolver } from './catalogue.resolver.js';
import { CommuneCommerceResolver } from '../commune/commune.resolver.js';
import { ProductMutationResolver } from './product-mutations.resolver.js';
import { OrderResolver } from '../orders/order.resolver.js';
import { ListingDriftResolver } from '../drift/listing-drift.resolver.js';
import { ListingDriftPolicyResolver } from '../drift/drift-policy.resolver.js';
import { ListingErrorResolver } from '../listings/listing-error.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CatalogueResolverSet: Function[] = [ProductResolver, ProducerResolver, CommuneCommerceResolver, ProductMutationResolver, OrderResolver, ListingDriftResolver, ListingDriftPolicyResolver, ListingErrorResolver];
