/**
 * What a process must do before it exits so the spans still buffered reach the collector (the
 * batch processor exports every few seconds). Set by tracing-sdk.ts when tracing runs; a no-op
 * otherwise, so shutdown code calls it unconditionally.
 */
let flush: () => Promise<void> = () => Promise.resolve();

export function setTelemetryFlush(next: () => Promise<void>): void {
  flush = next;
}

/** Exports what is buffered, waiting at most `timeoutMs` (a collector that is down must not hold the exit). */
export async function flushTelemetry(timeoutMs = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([flush().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}
