import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Logger } from '../logger.js';
import type { Viewer } from '../auth/viewer.js';
import type { HubConfig } from '../config.js';

/** What every resolver gets: a request-scoped EntityManager fork, the caller, and per-request loaders. */
export interface SubgraphContext {
  /** The request's fork, made on first read (core/graphql/request-context.ts): read it only when about to query. */
  readonly em: EntityManager;
  /**
   * The ORM's root EntityManager, for process-wide caches keyed by the database (the unit registry
   * in memory, units/unit-snapshot.store.ts), which need no fork; never for queries: use `em`.
   */
  readonly registryEm: EntityManager;
  viewer: Viewer | null;
  /** The gateway's id for the request (core/auth/gateway-assertion.ts). */
  requestId: string;
  /** The `x-request-id` the caller sent the gateway, kept apart: correlation only, never an id of ours. */
  callerRequestId?: string;
  /** The client's address as the gateway determined it (for per-address limits). */
  clientAddress?: string;
  /**
   * Made on first use, from a getter on the context's prototype (core/graphql/request-context.ts):
   * derive a context with `Object.assign(Object.create(context), { ... })`, never a spread.
   */
  logger: Logger;
  /** The hub's configuration, for settings a use case needs per request (`config.get(section)`). */
  config: HubConfig;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * A DataLoader that lives for one request, created on first use. Batches the N lookups a
 * federated query makes (one `__resolveReference` per entity) into one database query.
 */
export function requestLoader<K, V>(
  context: SubgraphContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let loader = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    context.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/**
 * A request loader of entities by their string `id`: one `id IN (...)` query per batch, in key
 * order, null for an id without a row. The common `__resolveReference` and by-id field lookup.
 */
export function entityByIdLoader<T extends { id: string }>(context: SubgraphContext, name: string, entity: EntityClass<T>): DataLoader<string, T | null> {
  return requestLoader<string, T | null>(context, name, async (ids) => {
    // MikroORM cannot see through the generic T that `id` is one of its properties; the bound says it is.
    const rows = await context.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Groups rows by a key, in key order, for DataLoader batch functions that return lists. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
