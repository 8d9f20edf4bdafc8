import { AsyncLocalStorage } from 'node:async_hooks';
import { trace, type SpanContext } from '@opentelemetry/api';
import { Response } from 'undici';
import { GATEWAY_ASSERTION_HEADER } from '../core/auth/gateway-assertion.js';
import type { OperationBudget } from './operation-budget.js';
import { CLAIMS_HEADER } from './subgraph-signing.js';

/** What one shared subgraph call hands to every operation waiting for it: the answer, read whole. */
interface BufferedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** One subgraph call in flight and the operations waiting for it. */
interface SharedCall {
  answer: Promise<BufferedAnswer>;
  waiters: number;
  settled: boolean;
  /** Ends the call when every operation waiting for it has given up. */
  hangUp: AbortController;
  /** The span (Apollo's `gateway.fetch`) of the operation that made the call; the HTTP span is its child alone. */
  leader: SpanContext | undefined;
}

/** The shared call's answer was bigger than an operation may receive (OPERATION_MAX_RESPONSE_BYTES). */
class SharedAnswerTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`the subgraph's answer is over ${bytes} bytes`);
  }
}

/**
 * Headers that differ per request without changing the answer; every other header is part of the
 * key. The signed assertion differs per request (its id, its time); the viewer it carries is in
 * the key through `mayShare`'s identity instead.
 */
const NOT_IN_KEY = new Set(['x-request-id', 'content-length', GATEWAY_ASSERTION_HEADER, CLAIMS_HEADER]);

/** Set around a subgraph call that may share (a read of an incoming query): who the caller is. */
const sharing = new AsyncLocalStorage<string>();

/** Runs a subgraph call that may share an identical call in flight by a caller of the same `identity` (queries only). */
export function mayShare<T>(identity: string, call: () => Promise<T>): Promise<T> {
  return sharing.run(identity, call);
}

/**
 * Identical subgraph reads in flight at the same time go out once (as Apollo Router's
 * `deduplicate_query` and Hive Gateway do): a dashboard opened by many people at once costs the
 * subgraph one request, not one per viewer. The key is the subgraph URL, the request body
 * (document, variables, operation name), the caller's verified viewer (what the signed assertion
 * tells the subgraph: roles, scopes, subject) and every other header but the request id and the
 * assertion itself, so callers with a different identity never share. Only calls marked by
 * `mayShare` (queries) share; mutations always go out on their own.
 *
 * The shared call runs under the subgraph's timeout alone, not any one operation's budget: an
 * operation whose deadline passes stops waiting (its budget's `race`), and the others still get
 * the answer; when the last one stops waiting, the call is cut. Its body is read whole (at most the operation byte budget) and each waiter gets its
 * own copy as a fresh Response, so each still charges its own budget and reads its own errors; a
 * failure reaches every waiter.
 */
export function deduplicatingFetch(
  fetchOnce: (url: string, init: Record<string, unknown>, signal: AbortSignal) => Promise<Response>,
  options: { timeoutMs: number; budget: () => OperationBudget | undefined; onCall?: (shared: boolean) => void },
): (url: string, init: Record<string, unknown>) => Promise<Response> | undefined {
  const inFlight = new Map<string, SharedCall>();
  return (url, init) => {
    const budget = options.budget();
    const identity = sharing.getStore();
    if (identity === undefined || !budget || typeof init.body !== 'string') return undefined;
    const key = keyOf(url, init, identity);
    let call = inFlight.get(key);
    options.onCall?.(call !== undefined);
    if (!call) {
      const hangUp = new AbortController();
      const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), hangUp.signal]);
      const started: SharedCall = { answer: readWhole(fetchOnce(url, init, signal), budget.maxResponseBytes), waiters: 0, settled: false, hangUp, leader: trace.getActiveSpan()?.spanContext() };
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
        return new Response(answer.body.byteLength ? answer.body : null, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
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

function keyOf(url: string, init: Record<string, unknown>, identity: string): string {
  const headers = Object.entries((init.headers ?? {}) as Record<string, string>)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !NOT_IN_KEY.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([url, init.method ?? 'POST', identity, headers, init.body]);
}

async function readWhole(pending: Promise<Response>, maxBytes: number): Promise<BufferedAnswer> {
  const response = await pending;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new SharedAnswerTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: Buffer.concat(chunks) };
}
