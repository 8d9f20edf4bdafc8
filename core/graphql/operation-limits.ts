import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { HubConfig } from '../config.js';
import { operationLimitExceeded, type OperationLimit } from '../errors.js';
import { operationNameTooLongMessage } from '../http/request-refusals.js';
import { listAwareEstimator } from './operation-cost.js';

/** What one operation may ask for. Checked after parsing, before anything is planned or resolved. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** For anonymous callers. */
  maxCost: number;
  /** For callers with a verified token (frontends of officers, provincial systems). */
  maxCostAuthenticated: number;
  maxOperationNameLength: number;
}

/** The limits public callers get at the gateway (OPERATION_* variables). */
export function gatewayOperationLimits(config: HubConfig): OperationLimits {
  return {
    maxDepth: config.OPERATION_MAX_DEPTH,
    maxAliases: config.OPERATION_MAX_ALIASES,
    maxDirectives: config.OPERATION_MAX_DIRECTIVES,
    maxTokens: config.OPERATION_MAX_TOKENS,
    maxCost: config.OPERATION_MAX_COST,
    maxCostAuthenticated: config.OPERATION_MAX_COST_AUTHENTICATED,
    maxOperationNameLength: config.OPERATION_NAME_MAX_LENGTH,
  };
}

/**
 * A subgraph's port can be called directly, so it checks the same limits, with headroom for what
 * the query planner adds to an operation the gateway accepted: the `_entities` level (+1 depth),
 * key fields and `__typename` (more tokens), and entity batches whose real size the gateway could
 * only estimate (cost).
 */
export function subgraphOperationLimits(config: HubConfig): OperationLimits {
  const gateway = gatewayOperationLimits(config);
  return {
    maxDepth: gateway.maxDepth + 2,
    maxAliases: gateway.maxAliases * 2 + 10,
    maxDirectives: gateway.maxDirectives * 2,
    maxTokens: gateway.maxTokens * 4,
    maxCost: gateway.maxCost * 4,
    maxCostAuthenticated: gateway.maxCostAuthenticated * 4,
    maxOperationNameLength: gateway.maxOperationNameLength,
  };
}

/** graphql-armor reports "Syntax Error: Query depth limit of 12 exceeded, found 31." */
function armorRejection(limit: OperationLimit, maximum: number, advice: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const actual = Number(/found (\d+)/.exec(error.message)?.[1]);
    const what = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(operationLimitExceeded(limit, `${what} ${advice}`, { maximum, ...(Number.isFinite(actual) ? { actual } : {}) }));
  };
}

function operationNameLengthRule(maximum: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const length = node.name?.value.length ?? 0;
      if (length > maximum) {
        context.reportError(
          operationLimitExceeded('operationName', operationNameTooLongMessage(length, maximum), { maximum, actual: length }),
        );
      }
    },
  });
}

/** Validation rules for depth, aliases, directives and operation-name length (graphql-armor's rules). */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true, onReject: [armorRejection('depth', limits.maxDepth, 'Ask for fewer nested levels, or split the operation.')] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [armorRejection('aliases', limits.maxAliases, 'Ask for fewer aliased fields, or page through a list instead.')] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [armorRejection('directives', limits.maxDirectives, 'Use fewer directives.')] }),
    operationNameLengthRule(limits.maxOperationNameLength),
  ];
}

/** The node budget graphql-query-complexity may walk (fragments spread many times count each time). */
const MAX_COST_NODES = 20_000;
/** Costs remembered per schema: a dashboard sends the same operation with the same variables again and again. */
const COST_CACHE_ENTRIES = 1000;
/** Variables longer than this (as JSON) are not worth a cache key. */
const COST_CACHE_MAX_KEY = 1024;

/**
 * Variables as far as they can change an operation's cost (listAwareEstimator): numbers (page
 * sizes), booleans (`@include`/`@skip`), null, and the length and shape of lists and input objects
 * (`_entities`' representations). Every string is the same to it, so `commune(code: $code)` over
 * 3,321 codes is estimated once instead of once per code (~1 ms of the gateway's CPU a request).
 * A string where the operation declares a number is kept apart from a number, and refused later by
 * the normal pipeline either way.
 */
export function costRelevantVariables(value: unknown): unknown {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return value.map(costRelevantVariables);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, costRelevantVariables(v)]));
  return value;
}

/** A small bounded memo of operation costs, by document hash and the variables' cost-relevant part, per schema. */
export function costMemo() {
  const bySchema = new WeakMap<object, Map<string, number>>();
  return {
    key(queryHash: string | undefined, variables: Record<string, unknown> | undefined): string | undefined {
      if (!queryHash) return undefined;
      const json = JSON.stringify(costRelevantVariables(variables ?? {}));
      return json.length <= COST_CACHE_MAX_KEY ? `${queryHash}:${json}` : undefined;
    },
    get(schema: object, key: string | undefined): number | undefined {
      return key === undefined ? undefined : bySchema.get(schema)?.get(key);
    },
    set(schema: object, key: string | undefined, cost: number): void {
      if (key === undefined) return;
      let costs = bySchema.get(schema);
      if (!costs) bySchema.set(schema, (costs = new Map()));
      // Oldest first out: a Map iterates in insertion order.
      if (costs.size >= COST_CACHE_ENTRIES) costs.delete(costs.keys().next().value!);
      costs.set(key, cost);
    },
  };
}

/**
 * Refuses an operation whose estimated cost (listAwareEstimator) is over the caller's limit, once
 * its variables are known and before it is planned or executed: anonymous callers get `maxCost`,
 * callers whose token was verified `maxCostAuthenticated`. An operation whose variables do not fit
 * is left to the normal pipeline, which refuses it with BAD_USER_INPUT.
 */
export function operationCostPlugin(limits: OperationLimits): ApolloServerPlugin<{ viewer?: unknown }> {
  const estimators = [listAwareEstimator()];
  const memo = costMemo();
  return {
    async requestDidStart({ contextValue }) {
      const maxCost = contextValue.viewer ? limits.maxCostAuthenticated : limits.maxCost;
      return {
        async didResolveOperation({ request, document, operation, schema, queryHash }) {
          if (!operation) return;
          const key = memo.key(queryHash && `${queryHash}:${request.operationName ?? ''}`, request.variables);
          let cost = memo.get(schema, key);
          if (cost === undefined) {
            try {
              cost = getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: operation.name?.value, estimators, maxQueryNodes: MAX_COST_NODES });
              memo.set(schema, key, cost);
            } catch (error) {
              if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
                throw operationLimitExceeded('cost', `The operation expands to more than ${MAX_COST_NODES} fields (fragments count each time they are spread). Send a smaller operation.`, {
                  maximum: maxCost,
                });
              }
              return;
            }
          }
          if (cost > maxCost) {
            throw operationLimitExceeded(
              'cost',
              `The operation may return about ${cost} values, over the limit of ${maxCost}. Ask for smaller pages (first/limit), fewer nested lists, or split it.`,
              { maximum: maxCost, actual: cost },
            );
          }
        },
      };
    },
  };
}

/** Everything an ApolloServer needs to enforce `limits`: spread into its constructor options. */
export function operationLimitOptions(limits: OperationLimits): {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<{ viewer?: unknown }>[];
} {
  return {
    // graphql-js stops the lexer at the first token over the limit: a huge document costs no more.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: operationLimitRules(limits),
    plugins: [operationCostPlugin(limits)],
  };
}
