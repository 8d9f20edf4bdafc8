import { getNullableType, isListType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** What a list costs when the operation does not say how long it is. */
export interface ListSizeAssumptions {
  /** A paged field (`first`/`limit` argument) without that argument: the schema's default page. */
  defaultPageSize: number;
  /** A plain list (bounded by nature, e.g. a commune's predecessors). */
  defaultListSize: number;
}

/** The schema guide: connections default to 20 items; plain lists are small. */
export const HUB_LIST_SIZES: ListSizeAssumptions = { defaultPageSize: 20, defaultListSize: 10 };

const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

function isPaged(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name));
}

function pageSize(args: Record<string, unknown>, fallback: number): number {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return fallback;
}

/**
 * An estimate of how many values an operation asks for, for graphql-query-complexity: each field
 * costs 1 plus its selections, times the number of items it can return. A paged field multiplies
 * by its `first`/`limit` argument; the `edges`/`nodes` below it do not multiply again. A plain list
 * multiplies by `defaultListSize`, so `successor { predecessors { successor { predecessors ... } } }`
 * grows as 10^levels and is refused long before it can fan out. A subgraph's `_entities` costs as
 * many items as the representations the caller sent. Introspection is answered from the schema,
 * whose size bounds it, so it costs nothing here (the depth limit still applies).
 */
export function listAwareEstimator(sizes: ListSizeAssumptions = HUB_LIST_SIZES): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const own = 1 + childComplexity;
    if (field.name === '_entities' && Array.isArray(args.representations)) return own * args.representations.length;
    if (isPaged(field)) return own * pageSize(args, sizes.defaultPageSize);
    if (!isListType(getNullableType(field.type))) return own;
    // A connection's page was counted at the field that returned the connection.
    if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return own;
    return own * sizes.defaultListSize;
  };
}
