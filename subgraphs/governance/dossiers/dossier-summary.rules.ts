import { VIETNAM_OFFSET_MS } from '../../../core/time.js';
import { DossierChannel, DossierStatus } from './dossier-enums.js';

/** What of a dossier the month summary counts. */
export type CountedDossier = { communeId: string; receivedAt: Date; dueAt: Date; completedAt?: Date | null; status: DossierStatus; channel: DossierChannel };

/** One summary row's key and counts (a delta when counts are negative). */
export interface SummaryCounts {
  communeId: string;
  year: number;
  month: number;
  received: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  online: number;
}

/** Year and month (1..12) of an instant in the Asia/Ho_Chi_Minh calendar. */
export function vietnamMonth(at: Date): { year: number; month: number } {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** The dossier's contribution to its month: the same definitions as the KPI formulas (resolved on time = RESOLVED with completedAt ≤ dueAt). */
export function contribution(d: CountedDossier, sign: 1 | -1 = 1): SummaryCounts {
  const resolved = d.status === DossierStatus.RESOLVED && d.completedAt != null;
  return {
    communeId: d.communeId,
    ...vietnamMonth(d.receivedAt),
    received: sign,
    resolvedOnTime: resolved && d.completedAt!.getTime() <= d.dueAt.getTime() ? sign : 0,
    resolvedOverdue: resolved && d.completedAt!.getTime() > d.dueAt.getTime() ? sign : 0,
    online: d.channel === DossierChannel.ONLINE ? sign : 0,
  };
}

/**
 * The summary changes of a set of dossier writes (each the dossier before, absent for a new one, and
 * after), netted per commune-month; changes that cancel out are left out.
 */
export function summaryDeltas(changes: Iterable<{ before?: CountedDossier | null; after: CountedDossier }>): SummaryCounts[] {
  const byKey = new Map<string, SummaryCounts>();
  const add = (c: SummaryCounts) => {
    const key = `${c.communeId}|${c.year}|${c.month}`;
    const held = byKey.get(key);
    if (!held) byKey.set(key, { ...c });
    else {
      held.received += c.received;
      held.resolvedOnTime += c.resolvedOnTime;
      held.resolvedOverdue += c.resolvedOverdue;
      held.online += c.online;
    }
  };
  for (const { before, after } of changes) {
    if (before) add(contribution(before, -1));
    add(contribution(after));
  }
  return [...byKey.values()].filter((c) => c.received || c.resolvedOnTime || c.resolvedOverdue || c.online);
}
