/**
 * Uptime from heartbeat history. A heartbeat received at t says the device was up during
 * [t, t + threshold), or until its next heartbeat if that comes sooner. A device's uptime over a
 * period is the part of its monitored window covered by those intervals, where the monitored window
 * is the period clipped to [registeredAt, now) (and to retiredAt for a retired device).
 */
export interface UptimeWindow {
  start: number;
  end: number;
}

/** The part of [from, to) a device was monitored in: from its registration until now. */
export function monitoredWindow(from: Date, to: Date, registeredAt: Date, now: Date, retiredAt?: Date | null): UptimeWindow {
  const start = Math.max(from.getTime(), registeredAt.getTime());
  const end = Math.min(to.getTime(), now.getTime(), retiredAt ? retiredAt.getTime() : Infinity);
  return { start, end: Math.max(start, end) };
}

/**
 * Milliseconds of `window` covered by heartbeats: the reference statement of the rule. The graph
 * computes the same in the database (uptime.query.ts), where the history lives. `heartbeats` must be sorted ascending and include
 * every heartbeat in [window.start - threshold, window.end).
 */
export function onlineMilliseconds(heartbeats: readonly number[], thresholdMs: number, window: UptimeWindow): number {
  let total = 0;
  for (let i = 0; i < heartbeats.length; i++) {
    const from = heartbeats[i];
    const until = Math.min(from + thresholdMs, i + 1 < heartbeats.length ? heartbeats[i + 1] : Infinity);
    const start = Math.max(from, window.start);
    const end = Math.min(until, window.end);
    if (end > start) total += end - start;
  }
  return total;
}

/** Online when the last heartbeat is less than `offlineAfterSeconds` old. */
export function isOnline(lastSeenAt: Date | null | undefined, offlineAfterSeconds: number, now: Date): boolean {
  return !!lastSeenAt && now.getTime() - lastSeenAt.getTime() < offlineAfterSeconds * 1000;
}
