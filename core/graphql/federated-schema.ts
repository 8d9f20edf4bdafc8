import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { mapDomainErrors } from './domain-error-mapping.js';
import { CACHE_CONTROL_DIRECTIVE_SDL } from './cache-hints.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

/** The Federation 2 directives a subgraph may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolver = (reference: any, context: any, info: any) => unknown;

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  referenceResolvers?: Record<string, ReferenceResolver>;
}

/**
 * A field that only reads a property of its object (no @FieldResolver, no middleware or roles of its
 * own, its schema name the property's) gets graphql-js's default resolver. Otherwise type-graphql
 * wraps it in the global middleware (mapDomainErrors), a chain of three promises per field per
 * object, for a property read that cannot throw a domain error: a list of 100 communes with 8 such
 * fields paid for 800 chains.
 */
function plainFieldsResolveSimply(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && field.name === field.schemaName && !field.middlewares?.length && !field.roles?.length) field.simple = true;
  }
}

/**
 * type-graphql builds the schema from the decorated classes; @apollo/subgraph then turns it into a
 * Federation 2 subgraph. Printing with directives keeps `@key`, which type-graphql's own printer drops.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  plainFieldsResolveSimply();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Inputs are checked by the domain rules (*.rules.ts), which report the input path; no class-validator.
    validate: false,
    skipCheck: true,
    globalMiddlewares: [mapDomainErrors],
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${CACHE_CONTROL_DIRECTIVE_SDL}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  resolvers.Date = DateScalar;
  return buildSubgraphSchema({ typeDefs, resolvers });
}
