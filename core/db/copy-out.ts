import type { EntityManager } from '@mikro-orm/core';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { onRawConnection } from './prepared-statements.js';

/** A pooled node-postgres client as knex keeps it: one marked disposed is dropped by the pool, not lent again. */
type PooledClient = Client & { __knex__disposed?: unknown };

/**
 * Runs `sql`, a `COPY (…) TO STDOUT` (PostgreSQL only), on the entity manager's connection (its
 * transaction's, if any), and hands `onChunk` the output's bytes as they arrive. COPY takes no bind
 * parameters: quote values into `sql` (escapeLiteral from pg).
 *
 * If `onChunk` throws, the server is still sending: the connection is inside the COPY and cannot
 * run anything else, so it is closed and marked for the pool to drop (a transaction's connection
 * goes with it) rather than read to the end. A server error leaves the connection usable.
 */
export async function copyOut(em: EntityManager, sql: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  await onRawConnection(em, sql, [], async (connection) => {
    const client = connection as PooledClient;
    const stream = client.query(copyTo(sql));
    let inCopy = true;
    const settled = () => (inCopy = false);
    stream.once('end', settled);
    stream.once('error', settled);
    try {
      // The stream is destroyed when the loop ends early.
      for await (const chunk of stream) onChunk(chunk as Buffer);
    } catch (error) {
      if (inCopy) {
        // Closing the socket fails the COPY once more ("Connection terminated"): nobody waits for it.
        stream.on('error', () => undefined);
        await client.end();
        // After knex's own mark ("Connection ended unexpectedly"): what the pool logs when it drops it.
        client.__knex__disposed = `closed inside a COPY its reader gave up (${(error as Error).message})`;
      }
      throw error;
    }
  });
}
