import type { Server, ServerResponse } from 'node:http';

export interface DrainSettings {
  /** How long requests are still served after draining starts, while /ready already says 503 (SHUTDOWN_DELAY_MS). */
  delayMs: number;
  /** How long requests in flight may take to finish once the listener is closed (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface DrainResult {
  /** Requests still unanswered at the deadline, whose connections were cut. */
  cut: number;
}

export interface HttpDrain {
  /** True from the moment draining starts: /ready answers 503 so load balancers stop sending. */
  readonly draining: boolean;
  /** Requests being handled now. */
  readonly inFlight: number;
  /**
   * Starts draining: /ready fails at once, requests are still served for `delayMs`, then the
   * listener closes (no new connection), idle keep-alive connections close, every response carries
   * `connection: close`, and requests in flight get until `timeoutMs` to finish before their
   * connections are cut. Resolves when the server is closed. Calling it again returns the same drain.
   */
  drain(settings: DrainSettings): Promise<DrainResult>;
}

/**
 * Graceful shutdown of one HTTP server (a subgraph's or the gateway's), the way a rolling deploy
 * needs it: a request that was accepted is answered; only connections not yet accepted are refused.
 * Node's `server.close()` alone leaves keep-alive connections open, and `closeAllConnections()` cuts
 * requests in flight; this sits between the two.
 */
export function trackHttpDrain(server: Server): HttpDrain {
  const responses = new Set<ServerResponse>();
  let draining = false;
  let closing = false;
  let result: Promise<DrainResult> | undefined;
  const finished = new Set<() => void>();
  // Once the listener is closed, no connection is kept for a next request that would be refused.
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };

  server.prependListener('request', (_req, res) => {
    responses.add(res);
    if (closing) closeAfter(res);
    res.once('close', () => {
      responses.delete(res);
      if (responses.size === 0) for (const done of finished) done();
    });
  });

  const idle = () => new Promise<void>((resolve) => (responses.size === 0 ? resolve() : finished.add(resolve)));

  async function run(settings: DrainSettings): Promise<DrainResult> {
    draining = true;
    if (settings.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.delayMs));
    closing = true;
    for (const res of responses) closeAfter(res);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A keep-alive connection whose last response went out before `closing` is idle now or soon.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), settings.timeoutMs)));
    const outcome = await Promise.race([idle().then(() => 'idle' as const), deadline]);
    clearTimeout(timer);
    clearInterval(sweeper);
    const cut = outcome === 'deadline' ? responses.size : 0;
    server.closeAllConnections();
    await closed;
    return { cut };
  }

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return responses.size;
    },
    drain(settings) {
      result ??= run(settings);
      return result;
    },
  };
}
