import { BroadcastPriority } from './broadcast.entity.js';

/**
 * A cluster's timeline is a set of non-overlapping slots. A new bulletin never overlaps a slot of
 * equal or higher priority; slots of lower priority that it would overlap are pushed back, whole,
 * after it (cascading, higher priorities placed first), and one cut off while playing plays again
 * from the start. So:
 * - EMERGENCY starts at once (or right after an emergency already on air) and pre-empts the rest;
 * - PRIORITY pushes back NORMAL bulletins but conflicts with PRIORITY and EMERGENCY ones;
 * - NORMAL conflicts with anything it overlaps.
 */
export const PRIORITY_RANK: Record<BroadcastPriority, number> = {
  [BroadcastPriority.NORMAL]: 0,
  [BroadcastPriority.PRIORITY]: 1,
  [BroadcastPriority.EMERGENCY]: 2,
};

export interface Slot {
  /** Bulletin id of the slot. */
  key: string;
  priority: BroadcastPriority;
  start: number;
  end: number;
}

export interface Move {
  key: string;
  start: number;
  end: number;
  /** It was on air when pushed back. */
  interrupted: boolean;
}

export type Placement = { start: number; end: number; moves: Move[] } | { conflict: Slot };

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Earliest start ≥ `start` where a slot of `duration` overlaps none of `fixed`. */
function earliestFree(fixed: readonly { start: number; end: number }[], start: number, duration: number): number {
  const sorted = [...fixed].sort((a, b) => a.start - b.start);
  let s = start;
  for (const f of sorted) if (overlaps({ start: s, end: s + duration }, f)) s = f.end;
  return s;
}

/**
 * Places a bulletin of `priority` asking for [start, start + duration) on a cluster whose active
 * slots (not yet ended, not reported) are `existing`, at time `now`.
 */
export function placeOnCluster(existing: readonly Slot[], priority: BroadcastPriority, start: number, duration: number, now: number): Placement {
  const rank = PRIORITY_RANK[priority];
  const blockers = existing.filter((s) => PRIORITY_RANK[s.priority] >= rank);
  let begin = start;
  if (priority === BroadcastPriority.EMERGENCY) {
    begin = earliestFree(blockers, start, duration);
  } else {
    const clash = blockers.find((b) => overlaps({ start, end: start + duration }, b));
    if (clash) return { conflict: clash };
  }
  const placed = { start: begin, end: begin + duration };
  const fixed: { start: number; end: number }[] = [...blockers, placed];
  const moves: Move[] = [];
  // Higher priorities first, so a pushed-back NORMAL slot never lands on a PRIORITY one's place.
  const lower = existing
    .filter((s) => PRIORITY_RANK[s.priority] < rank)
    .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.start - b.start);
  for (const slot of lower) {
    if (!fixed.some((f) => overlaps(slot, f))) {
      fixed.push(slot);
      continue;
    }
    const length = slot.end - slot.start;
    const interrupted = slot.start <= now && now < slot.end;
    const newStart = earliestFree(fixed, Math.max(slot.start, now), length);
    const moved = { start: newStart, end: newStart + length };
    fixed.push(moved);
    moves.push({ key: slot.key, ...moved, interrupted });
  }
  return { ...placed, moves };
}
