import pg from 'pg';

/** First key of the hub's advisory locks (arbitrary, constant: "hub" in ASCII). */
const MIGRATION_LOCK_NAMESPACE = 0x687562;

/**
 * Runs `migrate` while holding a PostgreSQL advisory lock named after the schema, so replicas that
 * start together (several pods of one Deployment, a migration Job beside them) apply migrations
 * one after the other: the first applies them, the others then find nothing pending. Without it
 * two replicas both see a migration as pending and both run it (duplicate tables, a failed start).
 *
 * The lock is session-level, held on a connection of its own (the migrator uses the ORM's pool),
 * and released when that connection ends, even if this process dies while migrating.
 */
export async function withMigrationLock<T>(target: { url: string; schema: string }, migrate: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: target.url, application_name: `commune-hub:migrate:${target.schema}` });
  await client.connect();
  try {
    // hashtext gives a stable 32-bit key per schema; the first key namespaces the hub's locks.
    await client.query('select pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, target.schema]);
    return await migrate();
  } finally {
    // Ending the session releases the lock; no explicit unlock that could fail on a broken connection.
    await client.end().catch(() => undefined);
  }
}

