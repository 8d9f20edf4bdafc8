import { trace, type SpanContext } from '@opentelemetry/api';
import { GATEWAY_ASSERTION_HEADER } from '../core/auth/gateway-assertion.js';
import type { SubgraphAnswer, SubgraphRequest } from './subgraph-call.js';

/** One subgraph call in flight and the operations waiting for it. */
interface SharedCall {
  /** The answer, read whole (at most the operation byte budget); its text is shared, each waiter parses its own copy. */
  answer: Promise<SubgraphAnswer & { bytes: number }>;
  waiters: number;
  settled: boolean;
  /** Ends the call when every operation waiting for it has given up. */
  hangUp: AbortController;
  /** The span (Apollo's `gateway.fetch`) of the operation that made the call; the HTTP span is its child alone. */
  leader: SpanContext | undefined;
}

/** The shared call's answer was bigger than an operation may receive (OPERATION_MAX_RESPONSE_BYTES). */
export class SharedAnswerTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`the subgraph's answer is over ${bytes} bytes`);
  }
}

/**
 * Headers that differ per request without changing the answer; every other header is part of the
 * key. The signed assertion differs per request (its id, its time); the viewer it carries is in
 * the key through the call's `shareAs` identity instead.
 */
const NOT_IN_KEY = new Set(['x-request-id', 'content-length', GATEWAY_ASSERTION_HEADER]);

/**
 * Identical subgraph reads in flight at the same time go out once (as Apollo Router's
 * `deduplicate_query` and Hive Gateway do): a dashboard opened by many people at once costs the
 * subgraph one request, not one per viewer. The key is the subgraph URL, the request body
 * (document, variables, operation name), the caller's verified viewer (what the signed assertion
 * tells the subgraph: roles, scopes, subject) and every other header but the request id and the
 * assertion itself, so callers with a different identity never share. Only calls with a `shareAs`
 * identity (the reads of queries) share; mutations always go out on their own.
 *
 * The shared call runs under the subgraph's timeout alone (`callShared`), not any one operation's
 * budget: an operation whose deadline passes stops waiting (its budget's `race`), and the others
 * still get the answer; when the last one stops waiting, the call is cut. Its body is read whole
 * (at most the operation byte budget) and each waiter is charged its size on its own budget and
 * parses the text itself (the gateway merges into what it parsed, so no two operations may hold
 * the same objects); a failure reaches every waiter.
 */
export function deduplicatingCall(
  callShared: (request: SubgraphRequest, signal: AbortSignal, maxBytes: number) => Promise<SubgraphAnswer & { bytes: number }>,
  options: { onCall?: (shared: boolean) => void },
): (request: SubgraphRequest) => Promise<SubgraphAnswer> | undefined {
  const inFlight = new Map<string, SharedCall>();
  return (request) => {
    const { budget, shareAs } = request;
    if (shareAs === undefined || !budget) return undefined;
    const key = keyOf(request, shareAs);
    let call = inFlight.get(key);
    options.onCall?.(call !== undefined);
    if (!call) {
      const hangUp = new AbortController();
      const started: SharedCall = { answer: callShared(request, hangUp.signal, budget.maxResponseBytes), waiters: 0, settled: false, hangUp, leader: trace.getActiveSpan()?.spanContext() };
      const forget = () => {
        started.settled = true;
        if (inFlight.get(key) === started) inFlight.delete(key);
      };
      started.answer.then(forget, forget);
      inFlight.set(key, started);
      call = started;
    } else if (call.leader) {
      // A trace shows one subgraph HTTP span, under the operation that made the call; the others
      // waiting for it point to that span with a link instead of a call of their own.
      const span = trace.getActiveSpan();
      span?.setAttribute('hub.subgraph_fetch.deduplicated', true);
      span?.addLink({ context: call.leader });
    }
    const shared = call;
    shared.waiters += 1;
    return budget.race(shared.answer).then(
      (answer) => {
        shared.waiters -= 1;
        // Each operation pays for what it receives, as if the answer had come to it alone.
        budget.charge(answer.bytes);
        return answer;
      },
      (error: unknown) => {
        shared.waiters -= 1;
        // The last operation waiting gave up (its deadline passed): nobody will read the answer, so
        // the gateway hangs up on the subgraph instead of holding the call open.
        if (shared.waiters === 0 && !shared.settled) {
          if (inFlight.get(key) === shared) inFlight.delete(key);
          shared.hangUp.abort();
        }
        // Charged to this operation's budget, which reports it as its own limit.
        if (error instanceof SharedAnswerTooLarge) budget.charge(error.bytes + 1);
        throw error;
      },
    );
  };
}

function keyOf(request: SubgraphRequest, identity: string): string {
  const headers: [string, string][] = [];
  for (const name in request.headers) if (!NOT_IN_KEY.has(name)) headers.push([name, request.headers[name]]);
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([request.url, identity, headers, request.body]);
}
