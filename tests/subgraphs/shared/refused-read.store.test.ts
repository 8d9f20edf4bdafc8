import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { describe, expect, it, vi } from 'vitest';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requestEndPlugin } from '../../../core/graphql/request-end.js';
import type { RefusedRead } from '../../../subgraphs/shared/refused-read.entity.js';
import { recordRefusedRead } from '../../../subgraphs/shared/refused-read.store.js';

/** A request's context with an EntityManager that only records what it is asked to write. */
function fakeContext(inRequest: boolean) {
  const em = { insert: vi.fn(async () => undefined), insertMany: vi.fn(async () => []) };
  const context = {
    em,
    viewer: { subject: 'producer-7', roles: ['producer'], scopes: {} },
    requestId: '3f1c1c9e-0000-4000-8000-000000000001',
    callerRequestId: 'client-1',
    loaders: new Map(),
    logger: { error: vi.fn() },
    ...(inRequest ? { atEnd: new Map() } : {}),
  } as unknown as SubgraphContext;
  return { context, em };
}

/** Ends the request as the subgraph server does: the plugin's willSendResponse. */
async function endRequest(context: SubgraphContext): Promise<void> {
  const plugin = requestEndPlugin() as ApolloServerPlugin<SubgraphContext>;
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<SubgraphContext>;
  await listener.willSendResponse!({ contextValue: context } as GraphQLRequestContextWillSendResponse<SubgraphContext>);
}

describe('the refused-read log within a request', () => {
  it('writes one row per field (the first target, its commune and the count), all in one insert when the request ends', async () => {
    const { context, em } = fakeContext(true);
    for (let i = 0; i < 100; i++) await recordRefusedRead(context, { field: 'Producer.contact', target: `producer-${i}`, communeId: i === 0 ? '05068/2' : '04960/1' });
    await recordRefusedRead(context, { field: 'Producer.members', target: 'producer-3', communeId: '05068/2' });
    // Nothing is written while the request runs.
    expect(em.insert).not.toHaveBeenCalled();
    expect(em.insertMany).not.toHaveBeenCalled();
    await endRequest(context);
    expect(em.insert).not.toHaveBeenCalled();
    expect(em.insertMany).toHaveBeenCalledTimes(1);
    const rows = (em.insertMany.mock.calls[0] as unknown as [unknown, RefusedRead[]])[1];
    expect(rows.map((r) => ({ field: r.field, target: r.target, count: r.count, communeId: r.communeId, subject: r.subject, roles: r.roles, requestId: r.requestId, callerRequestId: r.callerRequestId }))).toEqual([
      { field: 'Producer.contact', target: 'producer-0', count: 100, communeId: '05068/2', subject: 'producer-7', roles: 'producer', requestId: context.requestId, callerRequestId: 'client-1' },
      { field: 'Producer.members', target: 'producer-3', count: 1, communeId: '05068/2', subject: 'producer-7', roles: 'producer', requestId: context.requestId, callerRequestId: 'client-1' },
    ]);
    // A second end (nothing new) writes nothing more.
    await endRequest(context);
    expect(em.insertMany).toHaveBeenCalledTimes(1);
  });

  it('outside a request (no end to defer to) writes each refusal at once', async () => {
    const { context, em } = fakeContext(false);
    await recordRefusedRead(context, { field: 'Query.healthRecord', target: 'r-1' });
    await recordRefusedRead(context, { field: 'Query.healthRecord', target: 'r-2' });
    expect(em.insert).toHaveBeenCalledTimes(2);
    expect(em.insertMany).not.toHaveBeenCalled();
  });

  it('logs a failed write under the request id and leaves the answer alone', async () => {
    const { context, em } = fakeContext(true);
    em.insertMany.mockRejectedValueOnce(new Error('disk full'));
    await recordRefusedRead(context, { field: 'Camera.streamUrl', target: 'camera-1' });
    await expect(endRequest(context)).resolves.toBeUndefined();
    expect(context.logger.error).toHaveBeenCalledTimes(1);
  });
});
