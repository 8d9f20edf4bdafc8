import { flushTelemetry } from './tracing/telemetry-flush.js';

/**
 * Runs `stop` once on SIGINT or SIGTERM (Ctrl-C, `docker stop`, systemd), then exits. A second
 * signal while stopping exits at once, for when a shutdown hangs. Spans still buffered are exported
 * before the exit (a no-op without tracing).
 */
export function onShutdown(stop: () => Promise<void>, log: (message: string) => void = console.error): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    stop().then(
      () => flushTelemetry().then(() => process.exit(0)),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
