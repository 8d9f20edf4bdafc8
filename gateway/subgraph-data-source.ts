import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../core/errors.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { REQUEST_ID_HEADER } from '../core/http/request-id.js';
import type { GatewayContext } from './context.js';
import { currentBudget, withBudget } from './operation-budget.js';
import { readBodyWithin } from './read-body.js';
import { deduplicatingFetch, mayShare } from './subgraph-fetch-dedup.js';
import { subgraphRefusal } from './subgraph-errors.js';
import { attachAssertion } from './subgraph-signing.js';

/**
 * One keep-alive connection pool for all subgraph calls, and a deadline per call and subgraph: a
 * hung subgraph costs a request at most its timeout, after which its fields come back null with an
 * error. A call is also aborted when its operation's budget (deadline, bytes) runs out. With
 * `deduplicate`, identical reads in flight at once go out once (subgraph-fetch-dedup.ts).
 */
export function createSubgraphConnections(options: { deduplicate?: boolean } = {}): {
  /** `onCall` learns of each call the gateway makes, and whether it joined an identical call in flight instead of going out. */
  fetcher(timeoutMs: number, onCall?: (shared: boolean) => void): Fetcher;
  close(): Promise<void>;
} {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128 });
  const fetchOnce = (url: string, init: Record<string, unknown>, signal: AbortSignal) => undiciFetch(url, { ...init, dispatcher: agent, signal });
  return {
    fetcher: (timeoutMs, onCall) => {
      const shared = options.deduplicate ? deduplicatingFetch(fetchOnce, { timeoutMs, budget: currentBudget, onCall }) : undefined;
      return ((url: string, init: Record<string, unknown> = {}) => {
        const deduplicated = shared?.(url, init);
        if (deduplicated) return deduplicated;
        onCall?.(false);
        const budget = currentBudget();
        const timeout = AbortSignal.timeout(timeoutMs);
        return fetchOnce(url, init, budget ? AbortSignal.any([timeout, budget.signal]) : timeout);
      }) as unknown as Fetcher;
    },
    close: () => agent.close(),
  };
}

/**
 * Signs each call for its subgraph with what the gateway verified (the viewer, request ids). A subgraph that cannot be reached (refused, timed out, 5xx) becomes one
 * SUBGRAPH_UNAVAILABLE error naming it; the query plan goes on with the other subgraphs. A subgraph
 * that refuses the request (4xx) keeps its message and code (subgraph-errors.ts).
 */
export class HubSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  /**
   * Runs the call within its operation's budget: the fetcher aborts the HTTP call when the budget
   * runs out, and the operation stops waiting for this subgraph at that moment in any case.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const budget = options.context.budget;
    if (!budget) return super.process(options);
    // A query's subgraph calls may share an identical call in flight (subgraph-fetch-dedup.ts); a
    // mutation's never do, not even its reads, which must see its writes.
    const read = 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query';
    const call = () => budget.race(super.process(options));
    try {
      return await withBudget(budget, read ? () => mayShare(JSON.stringify(options.context.viewer ?? null), call) : call);
    } catch (error) {
      if (budget.exceeded) throw this.budgetError(budget.exceeded);
      throw error;
    }
  }

  private budgetError(exceeded: GraphQLError): GraphQLError {
    return new GraphQLError(exceeded.message, { extensions: { ...exceeded.extensions, serviceName: this.serviceName } });
  }

  override didEncounterError(error: Error, request: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1], response?: FetcherResponse, context?: GatewayContext): void {
    const exceeded = context?.budget?.exceeded;
    if (exceeded) throw this.budgetError(exceeded);
    if (response && response.status >= 400 && response.status < 500) {
      const body = error instanceof GraphQLError ? (error.extensions.response as { body?: unknown } | undefined)?.body : undefined;
      throw subgraphRefusal(this.serviceName, response.status, body);
    }
    const reason = error.name === 'TimeoutError' ? 'it did not answer in time' : response ? `it answered HTTP ${response.status}` : 'it could not be reached';
    throw new GraphQLError(`The ${this.serviceName} subgraph is unavailable (${reason}), so its fields in this answer are null. Retry shortly; the rest of the answer is complete.`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.serviceName },
    });
  }

  /** Reads a subgraph's answer against the operation's byte budget, so a huge answer is cut off while it streams. */
  override async parseBody(response: FetcherResponse, request?: Parameters<RemoteGraphQLDataSource['parseBody']>[1], context?: GatewayContext): Promise<object | string> {
    const budget = context?.budget;
    if (!budget) return super.parseBody(response, request, context);
    const text = await readBodyWithin(response, budget);
    const contentType = response.headers.get('content-type') ?? '';
    return contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json') ? (JSON.parse(text) as object) : text;
  }

  /**
   * The caller's token stays at the gateway: the subgraph learns the viewer the gateway verified
   * from its signed assertion (subgraph-signing.ts), with the gateway's request id.
   */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
    attachAssertion(request.http.headers, {
      viewer: context.viewer ?? null,
      requestId: context.requestId,
      ...(context.callerRequestId ? { callerRequestId: context.callerRequestId } : {}),
      ...(context.clientAddress ? { clientAddress: context.clientAddress } : {}),
    });
  }
}
