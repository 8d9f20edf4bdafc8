import type { Logger } from './logger.js';

export interface LogThrottleOptions {
  /** Lines logged per source in one interval; the rest are counted. */
  burst: number;
  intervalMs: number;
  /** Sources tracked at once; beyond that, every new source is counted only (bounded memory under a spray of addresses). */
  maxSources?: number;
  /** The summary line's message. */
  summary: string;
  now?: () => number;
}

/**
 * Logs repeated failures (bad device credentials, refused calls) so that a flood cannot flood the
 * log: per source, the first `burst` lines of each interval are written, the rest counted, and one
 * summary line per interval says how many were suppressed from how many sources.
 */
export function createLogThrottle(logger: Logger, options: LogThrottleOptions) {
  const now = options.now ?? Date.now;
  const maxSources = options.maxSources ?? 10_000;
  let windowStart = now();
  let counts = new Map<string, number>();
  let suppressed = 0;
  let suppressedSources = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    if (suppressed) logger.warn({ suppressed, sources: suppressedSources.size, intervalMs: options.intervalMs }, options.summary);
    windowStart = now();
    counts = new Map();
    suppressed = 0;
    suppressedSources = new Set();
  };

  return {
    /** Logs `message` for `source` unless it is over its burst this interval. */
    warn(source: string, fields: Record<string, unknown>, message: string): void {
      if (now() - windowStart >= options.intervalMs) {
        clearTimeout(timer);
        flush();
      }
      const seen = counts.get(source) ?? (counts.size < maxSources ? 0 : options.burst);
      if (counts.size < maxSources || counts.has(source)) counts.set(source, seen + 1);
      if (seen < options.burst) {
        logger.warn(fields, message);
        return;
      }
      suppressed++;
      if (suppressedSources.size < maxSources) suppressedSources.add(source);
      timer ??= setTimeout(flush, Math.max(0, windowStart + options.intervalMs - now())).unref();
    },
  };
}
