import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Agent, request as undiciRequest } from 'undici';
import { ErrorCode } from '../core/errors.js';
import type { AssertionSigner, GatewayAssertion } from '../core/auth/gateway-assertion.js';
import { GATEWAY_ASSERTION_HEADER, newRequestId } from '../core/auth/gateway-assertion.js';
import { REQUEST_ID_HEADER } from '../core/http/request-id.js';
import type { GatewayContext } from './context.js';
import type { OperationBudget } from './operation-budget.js';
import { declaredLengthOf, readBodyWithin } from './read-body.js';
import type { SubgraphAnswer, SubgraphCall, SubgraphRequest } from './subgraph-call.js';
import { deduplicatingCall, SharedAnswerTooLarge } from './subgraph-fetch-dedup.js';
import { subgraphRefusal } from './subgraph-errors.js';

/** Why a subgraph call was given up: its own deadline, the name the data source tells a timeout by. */
function timeoutError(timeoutMs: number): Error {
  return new DOMException(`the subgraph did not answer within ${timeoutMs} ms`, 'TimeoutError');
}

/**
 * One keep-alive connection pool for all subgraph calls, and a deadline per call and subgraph: a
 * hung subgraph costs a request at most its timeout, after which its fields come back null with an
 * error. A call is also aborted when its operation's budget (deadline, bytes) runs out. With
 * `deduplicate`, identical reads in flight at once go out once (subgraph-fetch-dedup.ts).
 *
 * Calls go out with undici's `request` (not its WHATWG `fetch`, whose streams and spec steps cost
 * more CPU than the call itself at the gateway) and the answer is read whole as text, once.
 */
export function createSubgraphConnections(options: { deduplicate?: boolean } = {}): {
  /** `onCall` learns of each call the gateway makes, and whether it joined an identical call in flight instead of going out. */
  fetcher(timeoutMs: number, onCall?: (shared: boolean) => void): SubgraphCall;
  close(): Promise<void>;
} {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128 });
  /**
   * One HTTP call, aborted by the first of: its timeout, `signal` (the operation's budget, or the
   * last waiter of a shared call giving up). Bytes are charged to `budget` as they arrive, or, with
   * `maxBytes`, only counted against it (a shared call: each waiter is charged on its own).
   */
  const send = async (request: SubgraphRequest, timeoutMs: number, signal: AbortSignal | undefined, limit: { budget?: OperationBudget; maxBytes?: number }): Promise<SubgraphAnswer & { bytes: number }> => {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal!.reason);
    if (signal?.aborted) throw signal.reason;
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
    try {
      const response = await undiciRequest(request.url, { method: 'POST', headers: request.headers, body: request.body, dispatcher: agent, signal: controller.signal });
      const declared = declaredLengthOf(response.headers['content-length']);
      let bytes = 0;
      const text = await readBodyWithin(response.body, declared, {
        charge(n: number) {
          bytes += n;
          if (limit.maxBytes !== undefined && bytes > limit.maxBytes) throw new SharedAnswerTooLarge(limit.maxBytes);
          limit.budget?.charge(n);
        },
      });
      return { status: response.statusCode, headers: response.headers, text, bytes: declared && declared > 0 ? declared : bytes };
    } catch (error) {
      // Aborted: the reason is what went wrong (the timeout, the budget's error), not undici's generic abort error.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
  return {
    fetcher: (timeoutMs, onCall) => {
      const shared = options.deduplicate ? deduplicatingCall((request, signal, maxBytes) => send(request, timeoutMs, signal, { maxBytes }), { onCall }) : undefined;
      return (request) => {
        const deduplicated = shared?.(request);
        if (deduplicated) return deduplicated;
        onCall?.(false);
        return send(request, timeoutMs, request.budget?.signal, { budget: request.budget });
      };
    },
    close: () => agent.close(),
  };
}

/** The first value of a header as undici hands it over. */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'));
}

/** Cache-Control directives as @apollo/gateway's RemoteGraphQLDataSource reads them. */
function cacheControlOf(header: string | undefined): Record<string, string | true> {
  const directives: Record<string, string | true> = {};
  if (!header) return directives;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    directives[name] = value === undefined ? true : value.replace(/^"|"$/g, '');
  }
  return directives;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A subgraph's 4xx or 5xx as @apollo/gateway reports it: the status and the body it answered. */
class SubgraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export interface HubSubgraphDataSourceConfig {
  url: string;
  fetcher: SubgraphCall;
  /** Signs the assertion for this subgraph over the exact body (core/auth/gateway-assertion.ts); tests' stand-in subgraphs need none. */
  sign?: (assertion: GatewayAssertion, body: string) => string;
}

/**
 * The gateway's calls to one subgraph, in place of @apollo/gateway's RemoteGraphQLDataSource (whose
 * node-fetch Headers and Request, and double read of the answer, cost more CPU than the rest of a
 * one-subgraph lookup at the gateway). It sends what the gateway verified (the viewer, request
 * ids) in an assertion signed for this subgraph over the exact body; the caller's token stays here.
 * A subgraph that cannot be reached (refused, timed out, 5xx) becomes one SUBGRAPH_UNAVAILABLE
 * error naming it; the query plan goes on with the other subgraphs. A subgraph that refuses the
 * request (4xx) keeps its message and code (subgraph-errors.ts). Each call runs within its
 * operation's budget (deadline, bytes); the subgraph's Cache-Control restricts the answer's cache
 * policy as @apollo/gateway's own data source does.
 */
export class HubSubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly url: string;
  private readonly fetcher: SubgraphCall;
  private readonly sign: HubSubgraphDataSourceConfig['sign'];

  constructor(
    readonly serviceName: string,
    config: HubSubgraphDataSourceConfig,
  ) {
    this.url = config.url;
    this.fetcher = config.fetcher;
    this.sign = config.sign;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<GraphQLDataSource<GatewayContext>['process']> {
    const { request, context } = options;
    const { http, query, ...rest } = request;
    if (!query) throw new Error('Missing query');
    // The body as @apollo/gateway's data source writes it: the query first, then variables and the rest.
    const body = JSON.stringify({ query, ...rest });
    const headers: Record<string, string> = {};
    if (http?.headers) for (const [name, value] of http.headers) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    // A call outside an incoming operation (none today: the supergraph is static) is signed as anonymous, with its own id.
    const requestId = context?.requestId ?? newRequestId();
    headers[REQUEST_ID_HEADER] = requestId;
    if (this.sign) {
      headers[GATEWAY_ASSERTION_HEADER] = this.sign(
        {
          viewer: context?.viewer ?? null,
          requestId,
          ...(context?.callerRequestId ? { callerRequestId: context.callerRequestId } : {}),
          ...(context?.clientAddress ? { clientAddress: context.clientAddress } : {}),
        },
        body,
      );
    }
    const budget = context?.budget;
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    // A query's subgraph calls may share an identical call in flight (subgraph-fetch-dedup.ts); a
    // mutation's never do, not even its reads, which must see its writes.
    const shareAs = budget && incoming?.operation?.operation === 'query' ? JSON.stringify(context.viewer ?? null) : undefined;
    let answer: SubgraphAnswer | undefined;
    let parsed: unknown;
    try {
      answer = await this.fetcher({ url: this.url, body, headers, budget, shareAs });
      const json = isJson(headerValue(answer.headers['content-type']));
      if (answer.status < 200 || answer.status > 299) throw new SubgraphHttpError(answer.status, json ? parseOrUndefined(answer.text) : answer.text);
      parsed = json ? JSON.parse(answer.text) : answer.text;
      if (typeof parsed !== 'object' || parsed === null) throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    } catch (error) {
      throw this.failure(error, answer?.status, budget);
    }
    const policy = incoming?.overallCachePolicy;
    if (policy && 'restrict' in policy) {
      const directives = cacheControlOf(headerValue(answer.headers['cache-control']));
      const maxAge = directives['max-age'];
      policy.restrict({
        maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
        ...(directives.public === true ? { scope: 'PUBLIC' as const } : directives.private === true ? { scope: 'PRIVATE' as const } : {}),
      });
    }
    return parsed as Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;
  }

  private failure(error: unknown, status: number | undefined, budget: OperationBudget | undefined): GraphQLError {
    const exceeded = budget?.exceeded;
    if (exceeded) return new GraphQLError(exceeded.message, { extensions: { ...exceeded.extensions, serviceName: this.serviceName } });
    if (error instanceof SubgraphHttpError && error.status >= 400 && error.status < 500) return subgraphRefusal(this.serviceName, error.status, error.body);
    const reason = (error as Error | undefined)?.name === 'TimeoutError' ? 'it did not answer in time' : status !== undefined ? `it answered HTTP ${status}` : 'it could not be reached';
    return new GraphQLError(`The ${this.serviceName} subgraph is unavailable (${reason}), so its fields in this answer are null. Retry shortly; the rest of the answer is complete.`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.serviceName },
    });
  }
}

/** Signs for one subgraph with the gateway's signer. */
export function signerFor(audience: string, sign: AssertionSigner): HubSubgraphDataSourceConfig['sign'] {
  return (assertion, body) => sign(audience, assertion, body);
}
