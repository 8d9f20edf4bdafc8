import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

/** What happened to one request of a load loop: an HTTP answer, or the connection error's code. */
export interface LoadOutcome {
  id: string;
  status?: number;
  body?: string;
  error?: string;
}

/** Headers to add to one request, given its body (e.g. the gateway's signature, for a subgraph port). */
export type SignBody = (body: string) => Promise<Record<string, string>>;

/** POSTs a GraphQL query on a fresh connection with its own x-request-id. */
export async function postOnce(url: string, query: string, id: string, sign?: SignBody): Promise<LoadOutcome> {
  const body = JSON.stringify({ query });
  const headers = sign ? await sign(body) : {};
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': id, 'apollo-require-preflight': 'true', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ id, status: res.statusCode, body: text }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ id, status: res.statusCode, error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ id, error: error.code ?? error.message }));
    req.end(body);
  });
}

/**
 * `clients` loops, each sending one request after the other on fresh connections, until a
 * connection is refused (the server stopped listening) or `stop()` is called. Every outcome is kept.
 */
export function loadLoops(url: string, query: string, clients: number, sign?: SignBody) {
  const outcomes: LoadOutcome[] = [];
  let stopped = false;
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped) {
      const outcome = await postOnce(url, query, randomUUID(), sign);
      outcomes.push(outcome);
      if (outcome.error === 'ECONNREFUSED') return;
    }
  });
  return {
    outcomes,
    stop: () => void (stopped = true),
    done: () => Promise.all(loops).then(() => outcomes),
  };
}
