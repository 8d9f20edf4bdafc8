import { invalidInput } from '../../../core/domain-errors.js';
import type { Uptime } from './device.type.js';
import type { UptimeTotals } from './device.store.js';

const MAX_PERIOD_MS = 366 * 24 * 3600 * 1000;

/** Checks an uptime period: `from` before `to`, at most 366 days. */
export function checkPeriod(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime())) throw invalidInput('`to` must be after `from`: give a period [from, to).', 'to');
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) throw invalidInput('The period may span at most 366 days: ask for one year at a time.', 'to');
}

export function toUptime(from: Date, to: Date, totals: UptimeTotals): Uptime {
  return {
    from,
    to,
    devices: totals.devices,
    monitoredSeconds: totals.monitoredMs / 1000,
    onlineSeconds: totals.onlineMs / 1000,
    uptime: totals.monitoredMs > 0 ? totals.onlineMs / totals.monitoredMs : null,
  };
}
