import type { EntityManager } from '@mikro-orm/core';
import { executeSql, tableName } from '../common/dialect.js';
import type { AdministrativeUnit } from './administrative-unit.entity.js';
import { loadSuccessionRecords, loadUnitRecords } from './unit-import.store.js';
import type { UnitSuccession } from './unit-succession.entity.js';

/**
 * The administrative-unit registry (units and successions) held in memory per database. Nearly every
 * governance request reads it (a commune by code, its province and district names, its predecessors,
 * the lineage a KPI sums over), and each of those reads through the ORM cost far more CPU than the
 * request's own work. The registry is small (the whole country is ~24,000 units with their history)
 * and changes only when it is seeded or imported.
 *
 * At most every REGISTRY_CHECK_MS a read starts a check of the registry's version (one single-row
 * statement, unit_registry_version) in the background; the rows are read again only when the
 * version moved. Reading them unconditionally every 30 s, hydrated as entities, held the event loop
 * for seconds at a time on a loaded machine (the p99 of 9 s of the scale benchmark).
 */
export const REGISTRY_CHECK_MS = 30_000;

/**
 * Units as the snapshot holds them: plain rows of the entity's shape, owned by no unit of work.
 * Read them; never persist them.
 */
export interface UnitSnapshot {
  byId: ReadonlyMap<string, AdministrativeUnit>;
  /** Units bearing a code at some time, by `${level}:${code}`. */
  byCode: ReadonlyMap<string, readonly AdministrativeUnit[]>;
  /** Successions out of a unit, ordered by successor id. */
  byPredecessor: ReadonlyMap<string, readonly UnitSuccession[]>;
  /** Successions into a unit, ordered by predecessor id. */
  bySuccessor: ReadonlyMap<string, readonly UnitSuccession[]>;
  /** Every commune, ordered by code then id. */
  communes: readonly AdministrativeUnit[];
  /** The communes that belonged to each province (by province id), ordered by code then id: a province page filters ~150, not the country's ~13,000. */
  communesByProvince: ReadonlyMap<string, readonly AdministrativeUnit[]>;
  /** Every province, ordered by code then id. */
  provinces: readonly AdministrativeUnit[];
}

interface Held {
  snapshot?: UnitSnapshot;
  /** The registry version the snapshot was read at. */
  version?: number;
  checkedAt: number;
  refreshing?: Promise<UnitSnapshot>;
}

/** One per database: forks of an EntityManager share its configuration object. */
const held = new WeakMap<object, Held>();

const VERSION_ROW = 1;

/**
 * Notes a change to the registry. Call it in the transaction that writes units or successions, so
 * that the new version and the rows become visible together.
 */
export async function bumpRegistryVersion(tx: EntityManager): Promise<void> {
  await executeSql(
    tx,
    `insert into ${tableName(tx, 'unit_registry_version')} as v (id, version) values (?, 1)
     on conflict (id) do update set version = v.version + 1`,
    [VERSION_ROW],
  );
}

async function readRegistryVersion(em: EntityManager): Promise<number> {
  const [row] = await executeSql<{ version: number | string }>(em, `select version from ${tableName(em, 'unit_registry_version')} where id = ?`, [VERSION_ROW]);
  return row ? Number(row.version) : 0;
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** The registry's rows, read raw: no entity is created, tracked or hydrated. */
async function load(em: EntityManager): Promise<UnitSnapshot> {
  const [units, successions]: [AdministrativeUnit[], UnitSuccession[]] = await Promise.all([loadUnitRecords(em), loadSuccessionRecords(em)]);
  // Sorted here, not by the database: pages of communes compare cursors with the same (JS) string order.
  units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const communes = units.filter((u) => u.level === 'COMMUNE');
  const by = (field: 'predecessorId' | 'successorId') => (a: UnitSuccession, b: UnitSuccession) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0);
  return {
    byId: new Map(units.map((u) => [u.id, u])),
    byCode: group(units, (u) => `${u.level}:${u.code}`),
    byPredecessor: group([...successions].sort(by('successorId')), (s) => s.predecessorId),
    bySuccessor: group([...successions].sort(by('predecessorId')), (s) => s.successorId),
    communes,
    communesByProvince: group(communes, (u) => u.provinceId ?? ''),
    provinces: units.filter((u) => u.level === 'PROVINCE'),
  };
}

/** Reads the version, and the rows when it moved (or on the first load). */
async function refresh(em: EntityManager, entry: Held): Promise<UnitSnapshot> {
  const version = await readRegistryVersion(em);
  if (!entry.snapshot || version !== entry.version) {
    // Version first, rows second: the rows are at least as new as the version noted with them, so a
    // change committed in between costs one extra reload, never a missed one.
    entry.snapshot = await load(em);
    entry.version = version;
  }
  entry.checkedAt = Date.now();
  return entry.snapshot;
}

/**
 * The registry as of at most REGISTRY_CHECK_MS ago, plus the time a check takes: once loaded, the
 * snapshot is served at once while one check (and reload, when the version moved) runs in the
 * background, so no request waits for it. Concurrent first callers share one load; only they, and
 * the first read after forgetUnitSnapshot, wait.
 */
export async function unitSnapshot(em: EntityManager, now = Date.now()): Promise<UnitSnapshot> {
  const key = em.config as object;
  let entry = held.get(key);
  if (!entry) held.set(key, (entry = { checkedAt: 0 }));
  if (entry.snapshot && now - entry.checkedAt < REGISTRY_CHECK_MS) return entry.snapshot;
  if (!entry.refreshing) {
    const current = entry;
    // Outside the caller's transaction (a fork has none): the snapshot is shared by every request.
    current.refreshing = refresh(em.fork(), current).finally(() => (current.refreshing = undefined));
    // A failed background check leaves the snapshot in place; the next read tries again.
    if (current.snapshot) current.refreshing.catch(() => undefined);
  }
  return entry.snapshot ?? entry.refreshing!;
}

/** Forgets the snapshot, so the next read loads the registry again (after seeding or importing units in this process). */
export function forgetUnitSnapshot(em: EntityManager): void {
  held.delete(em.config as object);
}
