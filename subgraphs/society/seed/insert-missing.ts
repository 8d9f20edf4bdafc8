import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';

const CHUNK = 500;

/** Ids of the rows matching `where`, without loading entities into the identity map. */
export async function existingIds<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T>): Promise<Set<string>> {
  const rows = await em.find(entity, where, { fields: ['id'] as never, disableIdentityMap: true });
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts the rows whose primary key `id` is not in `existing`, in chunks (SQLite and PostgreSQL
 * both cap bound parameters per statement). Rows already there are left as they are, so re-seeding
 * never overwrites what users changed since.
 */
export async function insertMissing<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, rows: T[], existing: ReadonlySet<string>): Promise<number> {
  const missing = rows.filter((row) => !existing.has(row.id));
  for (let i = 0; i < missing.length; i += CHUNK) {
    await em.insertMany(entity, missing.slice(i, i + CHUNK));
  }
  return missing.length;
}
