import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../core/errors.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { REQUEST_ID_HEADER } from '../core/http/request-id.js';
import type { GatewayContext } from './context.js';

/**
 * One keep-alive connection pool for all subgraph calls, and a deadline per call and subgraph: a
 * hung subgraph costs a request at most its timeout, after which its fields come back null with an error.
 */
export function createSubgraphConnections(): { fetcher(timeoutMs: number): Fetcher; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128 });
  return {
    fetcher: (timeoutMs) =>
      ((url: string, init?: Record<string, unknown>) =>
        undiciFetch(url, { ...(init as object), dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher,
    close: () => agent.close(),
  };
}

/**
 * Forwards the caller's Authorization header and the request id; each subgraph verifies the token
 * again. A subgraph that cannot be reached (refused, timed out, 5xx) becomes one
 * SUBGRAPH_UNAVAILABLE error naming it; the query plan goes on with the other subgraphs.
 */
export class HubSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  override didEncounterError(error: Error, request: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1], response?: FetcherResponse): void {
    if (response && response.status >= 400 && response.status < 500) return super.didEncounterError(error, request, response);
    const reason = error.name === 'TimeoutError' ? 'it did not answer in time' : response ? `it answered HTTP ${response.status}` : 'it could not be reached';
    throw new GraphQLError(`The ${this.serviceName} subgraph is unavailable (${reason}), so its fields in this answer are null. Retry shortly; the rest of the answer is complete.`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.serviceName },
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    if (context.authorization) request.http.headers.set('authorization', context.authorization);
    if (context.requestId) request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
