import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../core/db/database.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requestEndPlugin } from '../../../core/graphql/request-end.js';
import { RefusedRead } from '../../../subgraphs/shared/refused-read.entity.js';
import { recordRefusedRead } from '../../../subgraphs/shared/refused-read.store.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';

/** A subgraph request's context over `em`, as the server makes it (`atEnd` only within a /graphql request). */
function requestContext(em: EntityManager, requestId: string, inRequest = true) {
  return {
    em,
    viewer: { subject: 'producer-7', roles: ['producer'], scopes: {} },
    requestId,
    callerRequestId: 'client-1',
    loaders: new Map(),
    logger: { error: vi.fn() },
    ...(inRequest ? { atEnd: new Map() } : {}),
  } as unknown as SubgraphContext;
}

/** Ends the request as the subgraph server does: the plugin's willSendResponse. */
async function endRequest(context: SubgraphContext): Promise<void> {
  const plugin = requestEndPlugin() as ApolloServerPlugin<SubgraphContext>;
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<SubgraphContext>;
  await listener.willSendResponse!({ contextValue: context } as GraphQLRequestContextWillSendResponse<SubgraphContext>);
}

const view = (r: RefusedRead) => ({ field: r.field, target: r.target, count: r.count, communeId: r.communeId, subject: r.subject, roles: r.roles, requestId: r.requestId, callerRequestId: r.callerRequestId });

describe.each([
  ['sqlite', false],
  ['postgresql', true],
] as const)('the refused-read log on %s', (_dialect, postgres) => {
  const skip = postgres && !TEST_DATABASE_URL;
  let env: TestEnvironment;
  let orm: MikroORM;
  const rows = (requestId: string) => orm.em.fork().find(RefusedRead, { requestId }, { orderBy: { field: 'asc' } });

  beforeAll(async () => {
    if (skip) return;
    env = await createTestEnvironment({ postgres });
    orm = await openDatabase(SUBGRAPHS.society.database, env.target('society'));
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  it.skipIf(skip)('writes one row per field (the first target, its commune and the count), all when the request ends', async () => {
    const context = requestContext(orm.em.fork(), 'req-one');
    for (let i = 0; i < 100; i++) await recordRefusedRead(context, { field: 'Producer.contact', target: `producer-${i}`, communeId: i === 0 ? '05068/2' : '04960/1' });
    await recordRefusedRead(context, { field: 'Producer.members', target: 'producer-3', communeId: '05068/2' });
    // Nothing is written while the request runs.
    expect(await rows('req-one')).toEqual([]);
    await endRequest(context);
    expect((await rows('req-one')).map(view)).toEqual([
      { field: 'Producer.contact', target: 'producer-0', count: 100, communeId: '05068/2', subject: 'producer-7', roles: 'producer', requestId: 'req-one', callerRequestId: 'client-1' },
      { field: 'Producer.members', target: 'producer-3', count: 1, communeId: '05068/2', subject: 'producer-7', roles: 'producer', requestId: 'req-one', callerRequestId: 'client-1' },
    ]);
    // The time is stored as the ORM stores every instant (the keyset pages and since/until filters compare it).
    const at = (await orm.em.fork().find(RefusedRead, { requestId: 'req-one', at: { $gte: new Date(Date.now() - 60_000), $lte: new Date() } })).length;
    expect(at).toBe(2);
    // A second end (nothing new) writes nothing more.
    await endRequest(context);
    expect((await rows('req-one')).map((r) => r.count)).toEqual([100, 1]);
  });

  it.skipIf(skip)('two calls of the subgraph for one gateway request make one row per field: the first call\'s target, the counts summed', async () => {
    const first = requestContext(orm.em.fork(), 'req-two');
    for (let i = 0; i < 3; i++) await recordRefusedRead(first, { field: 'Camera.streamUrl', target: `camera-a${i}`, communeId: '05068/2' });
    await endRequest(first);
    const second = requestContext(orm.em.fork(), 'req-two');
    for (let i = 0; i < 2; i++) await recordRefusedRead(second, { field: 'Camera.streamUrl', target: `camera-b${i}`, communeId: '04960/1' });
    await recordRefusedRead(second, { field: 'VideoMeeting.recordingUrl', target: 'meeting-1', communeId: '04960/1' });
    await endRequest(second);
    expect((await rows('req-two')).map((r) => ({ field: r.field, target: r.target, count: r.count, communeId: r.communeId }))).toEqual([
      { field: 'Camera.streamUrl', target: 'camera-a0', count: 5, communeId: '05068/2' },
      { field: 'VideoMeeting.recordingUrl', target: 'meeting-1', count: 1, communeId: '04960/1' },
    ]);
  });

  it.skipIf(skip)('two calls ending at once still make one row, with every refusal counted', async () => {
    const calls = [requestContext(orm.em.fork(), 'req-three'), requestContext(orm.em.fork(), 'req-three'), requestContext(orm.em.fork(), 'req-three')];
    for (const [n, call] of calls.entries()) for (let i = 0; i <= n; i++) await recordRefusedRead(call, { field: 'Query.healthRecord', target: `record-${n}-${i}` });
    await Promise.all(calls.map(endRequest));
    const written = await rows('req-three');
    expect(written.map((r) => ({ field: r.field, count: r.count }))).toEqual([{ field: 'Query.healthRecord', count: 6 }]);
    expect(calls.every((c) => vi.mocked(c.logger.error).mock.calls.length === 0)).toBe(true);
  });

  it.skipIf(skip)('outside a request (no end to defer to) writes each refusal at once, under the same key', async () => {
    const context = requestContext(orm.em.fork(), 'job-1', false);
    await recordRefusedRead(context, { field: 'Query.healthRecord', target: 'r-1' });
    expect((await rows('job-1')).map((r) => ({ target: r.target, count: r.count }))).toEqual([{ target: 'r-1', count: 1 }]);
    await recordRefusedRead(context, { field: 'Query.healthRecord', target: 'r-2' });
    expect((await rows('job-1')).map((r) => ({ target: r.target, count: r.count }))).toEqual([{ target: 'r-1', count: 2 }]);
  });
});

describe('a failed write of the log', () => {
  it('is logged under the request id and leaves the answer alone', async () => {
    const em = { createQueryBuilder: vi.fn(() => { throw new Error('disk full'); }) } as unknown as EntityManager;
    const context = requestContext(em, 'req-failed');
    await recordRefusedRead(context, { field: 'Camera.streamUrl', target: 'camera-1' });
    await expect(endRequest(context)).resolves.toBeUndefined();
    expect(context.logger.error).toHaveBeenCalledTimes(1);
  });
});
