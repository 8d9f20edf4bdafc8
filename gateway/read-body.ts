/** A subgraph's answer body as undici hands it over: chunks as they arrive, and a way to stop them. */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

/**
 * Reads a subgraph's answer, charging its bytes to the operation's budget. A declared
 * Content-Length already over the budget is refused before reading anything; a streamed body is
 * read chunk by chunk and dropped as soon as it goes over, instead of being buffered whole first.
 * `budget` is the operation's (OperationBudget), or what counts the bytes of a shared call.
 */
export async function readBodyWithin(body: BodyStream, declaredLength: number | undefined, budget: { charge(bytes: number): void } | undefined): Promise<string> {
  const chunks: Uint8Array[] = [];
  try {
    // A declared length is charged up front; chunks count only when none was declared.
    const declared = declaredLength !== undefined && declaredLength > 0;
    if (declared) budget?.charge(declaredLength);
    for await (const chunk of body) {
      if (!declared) budget?.charge(chunk.byteLength);
      chunks.push(chunk);
    }
  } catch (error) {
    body.destroy();
    throw error;
  }
  return chunks.length === 1 ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, chunks[0].byteLength).toString('utf8') : Buffer.concat(chunks).toString('utf8');
}

/** A Content-Length header's value, if it is one. */
export function declaredLengthOf(header: string | string[] | undefined): number | undefined {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return header !== undefined && Number.isFinite(value) ? value : undefined;
}
