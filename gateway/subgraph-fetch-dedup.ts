import { AsyncLocalStorage } from 'node:async_hooks';
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
 * the answer. Its body is read whole (at most the operation byte budget) and each waiter gets its
 * own copy as a fresh Response, so each still charges its own budget and reads its own errors; a
 * failure reaches every waiter.
 */
export function deduplicatingFetch(
  fetchOnce: (url: string, init: Record<string, unknown>, signal: AbortSignal) => Promise<Response>,
  options: { timeoutMs: number; budget: () => OperationBudget | undefined },
): (url: string, init: Record<string, unknown>) => Promise<Response> | undefined {
  const inFlight = new Map<string, Promise<BufferedAnswer>>();
  return (url, init) => {
    const budget = options.budget();
    const identity = sharing.getStore();
    if (identity === undefined || !budget || typeof init.body !== 'string') return undefined;
    const key = keyOf(url, init, identity);
    let shared = inFlight.get(key);
    if (!shared) {
      shared = readWhole(fetchOnce(url, init, AbortSignal.timeout(options.timeoutMs)), budget.maxResponseBytes);
      inFlight.set(key, shared);
      const forget = () => inFlight.delete(key);
      shared.then(forget, forget);
    }
    return budget.race(shared).then(
      (answer) => new Response(answer.body.byteLength ? answer.body : null, { status: answer.status, statusText: answer.statusText, headers: answer.headers }),
      (error: unknown) => {
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
