import type { EntityManager } from '@mikro-orm/core';
import { AdministrativeUnit } from './administrative-unit.entity.js';
import { UnitSuccession } from './unit-succession.entity.js';

/**
 * The administrative-unit registry (units and successions) held in memory per database, read again
 * at most every SNAPSHOT_TTL_MS. Nearly every governance request reads it (a commune by code, its
 * province and district names, its predecessors, the lineage a KPI sums over), and each of those
 * reads through the ORM cost far more CPU than the request's own work: a lookup by code made two
 * SQL statements and ~9 ms of CPU, most of it in MikroORM's query building and hydration. The
 * registry is small (the whole country is ~11,000 communes with their history) and changes only
 * when it is seeded or imported, which the next reload picks up.
 */
export const SNAPSHOT_TTL_MS = 30_000;

export interface UnitSnapshot {
  byId: ReadonlyMap<string, AdministrativeUnit>;
  /** Units bearing a code at some time, by `${level}:${code}`. */
  byCode: ReadonlyMap<string, readonly AdministrativeUnit[]>;
  /** Successions out of a unit, ordered by successor id. */
  byPredecessor: ReadonlyMap<string, readonly UnitSuccession[]>;
  /** Successions into a unit, ordered by predecessor id. */
  bySuccessor: ReadonlyMap<string, readonly UnitSuccession[]>;
  /** Every commune, ordered by code. */
  communes: readonly AdministrativeUnit[];
}

interface Held {
  snapshot?: UnitSnapshot;
  loadedAt: number;
  loading?: Promise<UnitSnapshot>;
}

/** One per database: forks of an EntityManager share its configuration object. */
const held = new WeakMap<object, Held>();

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

async function load(em: EntityManager): Promise<UnitSnapshot> {
  // Its own fork: the snapshot's entities belong to no request's unit of work.
  const fork = em.fork();
  const [units, successions] = await Promise.all([fork.find(AdministrativeUnit, {}, { orderBy: { code: 'asc', id: 'asc' } }), fork.find(UnitSuccession, {})]);
  const byPredecessor = group([...successions].sort((a, b) => (a.successorId < b.successorId ? -1 : a.successorId > b.successorId ? 1 : 0)), (s) => s.predecessorId);
  const bySuccessor = group([...successions].sort((a, b) => (a.predecessorId < b.predecessorId ? -1 : a.predecessorId > b.predecessorId ? 1 : 0)), (s) => s.successorId);
  return {
    byId: new Map(units.map((u) => [u.id, u])),
    byCode: group(units, (u) => `${u.level}:${u.code}`),
    byPredecessor,
    bySuccessor,
    communes: units.filter((u) => u.level === 'COMMUNE'),
  };
}

/**
 * The registry as of at most SNAPSHOT_TTL_MS ago, plus the time a reload takes: once loaded, a stale
 * snapshot is still served while one reload runs in the background, so no request waits for the
 * ~14,000 units to be read again (the reload cost a request ~0.5 s on a loaded machine, the p95 of
 * the scale benchmark). Concurrent first callers share one load; only they, and the first read
 * after forgetUnitSnapshot, wait.
 */
export async function unitSnapshot(em: EntityManager, now = Date.now()): Promise<UnitSnapshot> {
  const key = em.config as object;
  let entry = held.get(key);
  if (!entry) held.set(key, (entry = { loadedAt: 0 }));
  if (entry.snapshot && now - entry.loadedAt < SNAPSHOT_TTL_MS) return entry.snapshot;
  if (!entry.loading) {
    const current = entry;
    current.loading = load(em).then(
      (snapshot) => {
        Object.assign(current, { snapshot, loadedAt: Date.now(), loading: undefined });
        return snapshot;
      },
      (error: unknown) => {
        current.loading = undefined;
        throw error;
      },
    );
    // A failed background reload leaves the stale snapshot in place; the next read tries again.
    if (current.snapshot) current.loading.catch(() => undefined);
  }
  return entry.snapshot ?? entry.loading!;
}

/** Forgets the snapshot, so the next read loads the registry again (after seeding or importing units). */
export function forgetUnitSnapshot(em: EntityManager): void {
  held.delete(em.config as object);
}
