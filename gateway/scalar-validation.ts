import type { ApolloServerPlugin } from '@apollo/server';
import { isScalarType, valueFromASTUntyped, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { DateScalar, DateTimeScalar, VndScalar } from '../core/graphql/scalars.js';

/** The hub's custom scalars, as the subgraphs implement them. */
const HUB_SCALARS: readonly GraphQLScalarType[] = [DateScalar, DateTimeScalar, VndScalar];

/**
 * In a supergraph every custom scalar is opaque: the gateway accepts any value for `Vnd` or `Date`
 * and only the subgraph finds `-5` or `2021-02-30` wrong, after the query was planned and sent.
 * This teaches the gateway's schema the hub's scalars, checking only: a bad literal fails
 * validation and a bad variable fails the gateway's variable check (both BAD_USER_INPUT, with the
 * scalar's own message) before any subgraph is called, while a good value still travels to the
 * subgraph exactly as the client wrote it.
 */
export function checkHubScalars(schema: GraphQLSchema): void {
  for (const real of HUB_SCALARS) {
    const opaque = schema.getType(real.name);
    if (!isScalarType(opaque) || opaque === real) continue;
    opaque.parseValue = (value: unknown) => {
      real.parseValue(value);
      return value;
    };
    opaque.parseLiteral = (ast, variables) => {
      real.parseLiteral(ast, variables);
      return valueFromASTUntyped(ast, variables);
    };
  }
}

/** Applies checkHubScalars to every schema the gateway loads (at start and on each supergraph reload). */
export function hubScalarsPlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          checkHubScalars(apiSchema);
        },
      };
    },
  };
}
