import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { OperationBudget } from './operation-budget.js';

/**
 * Reads a response body chunk by chunk, charging each to the operation's byte budget: an answer
 * over the budget is cancelled mid-stream instead of being buffered whole first. A declared
 * Content-Length already over the budget is refused before reading anything.
 */
export async function readBodyWithin(response: FetcherResponse, budget: OperationBudget): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const stream = (response as unknown as Response).body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  try {
    if (Number.isFinite(declared) && declared > 0) budget.charge(declared);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A declared length was charged up front; chunks count only when none was declared.
      if (!(declared > 0)) budget.charge(value.byteLength);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return Buffer.concat(chunks).toString('utf8');
}
