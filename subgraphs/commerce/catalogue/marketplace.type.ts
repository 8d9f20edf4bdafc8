import { registerEnumType } from 'type-graphql';
import { Marketplace, MARKETPLACE_DESCRIPTION } from './marketplace.js';

/**
 * The GraphQL name of the Marketplace enum, registered here in the GraphQL layer (imported by every
 * type and input that uses it) so that marketplace.ts stays free of type-graphql: `hub` commands
 * load entities and rules, never the GraphQL layer.
 */
registerEnumType(Marketplace, { name: 'Marketplace', description: MARKETPLACE_DESCRIPTION });
