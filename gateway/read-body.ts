import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { OperationBudget } from './operation-budget.js';

/**
 * Reads a subgraph's answer, charging its bytes to the operation's budget. A declared
 * Content-Length already over the budget is refused before reading anything; a streamed body is
 * read chunk by chunk and cancelled as soon as it goes over, instead of being buffered whole first.
 * A fetcher that hands over the body already read (no stream) is charged for it as a whole.
 */
export async function readBodyWithin(response: FetcherResponse, budget: OperationBudget): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const hasDeclared = Number.isFinite(declared) && declared > 0;
  const stream = (response as { body?: ReadableStream<Uint8Array> | null }).body;
  if (!stream || typeof stream.getReader !== 'function') {
    if (hasDeclared) budget.charge(declared);
    const text = await response.text();
    if (!hasDeclared) budget.charge(Buffer.byteLength(text));
    return text;
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  try {
    if (hasDeclared) budget.charge(declared);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A declared length was charged up front; chunks count only when none was declared.
      if (!hasDeclared) budget.charge(value.byteLength);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return Buffer.concat(chunks).toString('utf8');
}
