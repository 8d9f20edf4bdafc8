import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import { REQUEST_ID_HEADER } from '../core/http/request-id.js';
import type { GatewayContext } from './context.js';

/**
 * One keep-alive connection pool for all subgraph calls, and a deadline per call: a hung subgraph
 * costs a request at most `timeoutMs`, after which its fields come back null with an error.
 */
export function createSubgraphFetcher(timeoutMs: number): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128 });
  const fetcher = ((url: string, init?: Record<string, unknown>) =>
    undiciFetch(url, { ...(init as object), dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/** Forwards the caller's Authorization header and the request id; each subgraph verifies the token again. */
export class HubSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    if (context.authorization) request.http.headers.set('authorization', context.authorization);
    if (context.requestId) request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
