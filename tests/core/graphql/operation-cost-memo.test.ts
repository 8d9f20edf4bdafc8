import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { costMemo, costRelevantVariables, operationCostPlugin, type OperationLimits } from '../../../core/graphql/operation-limits.js';

const LIMITS: OperationLimits = { maxDepth: 10, maxAliases: 10, maxDirectives: 10, maxTokens: 1000, maxCost: 100, maxCostAuthenticated: 100, maxOperationNameLength: 100 };

const typeDefs = `type Item { name: String }
  type Query { items(code: String!, first: Int): [Item!]! }`;
const resolvers = { Query: { items: (_: unknown, args: { first?: number }) => Array.from({ length: Math.min(args.first ?? 1, 3) }, (_, i) => ({ name: `item ${i}` })) } };

const PAGE = 'query Page($code: String!, $first: Int, $withName: Boolean!) { items(code: $code, first: $first) { name @include(if: $withName) } }';

describe('core: the operation cost memo', () => {
  it('keys a document by what can change its cost: page sizes, booleans, list lengths, never the strings', () => {
    const key = (variables: Record<string, unknown>) => costMemo().key('hash', variables);
    expect(key({ code: '00004', first: 20 })).toBe(key({ code: '32248', first: 20 }));
    expect(key({ on: '2021-06-01', codes: ['a', 'b'] })).toBe(key({ on: '2025-08-01', codes: ['c', 'd'] }));
    expect(key({ code: '00004', first: 20 })).not.toBe(key({ code: '00004', first: 21 }));
    expect(key({ withName: true })).not.toBe(key({ withName: false }));
    expect(key({ codes: ['a', 'b'] })).not.toBe(key({ codes: ['a', 'b', 'c'] }));
    // A string sent for a number stays apart from the number (the pipeline refuses it later).
    expect(key({ first: '20' })).not.toBe(key({ first: 20 }));
    expect(costRelevantVariables({ filter: { name: 'Hợp Kim', first: 5, ids: ['x'] }, none: null })).toEqual({ filter: { name: '', first: 5, ids: [''] }, none: null });
  });

  it('refuses by the page size in the variables whatever string came with an earlier estimate', async () => {
    const server = new ApolloServer({ typeDefs, resolvers, plugins: [operationCostPlugin(LIMITS)] });
    await server.start();
    try {
      const run = async (variables: Record<string, unknown>) => {
        const { body } = await server.executeOperation({ query: PAGE, variables }, { contextValue: {} });
        if (body.kind !== 'single') throw new Error('expected a single result');
        return body.singleResult;
      };
      for (const code of ['00004', '05068', '32248']) expect((await run({ code, first: 3, withName: true })).errors).toBeUndefined();
      // 200 items × (1 + name) is over 100: refused, though the same document with other codes was estimated before.
      for (const code of ['00004', '99999']) {
        expect((await run({ code, first: 200, withName: true })).errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' });
      }
      // Without the name each item costs less: 60 × 1 + 1 fits where 60 × 2 + 1 does not.
      expect((await run({ code: '00004', first: 60, withName: false })).errors).toBeUndefined();
      expect((await run({ code: '00004', first: 60, withName: true })).errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
    } finally {
      await server.stop();
    }
  });
});
