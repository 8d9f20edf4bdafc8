import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import { commerce } from '../../../../subgraphs/commerce/index.js';
import { JobQueue } from '../../../../subgraphs/commerce/sync/job-queue.js';
import { SyncJob, SyncJobStatus } from '../../../../subgraphs/commerce/sync/sync-job.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';

describe('commerce sync: the job queue (SQLite)', () => {
  let env: TestEnvironment;
  let orm: MikroORM;
  let queue: JobQueue;
  const NOW = 1_000_000;

  beforeAll(async () => {
    env = await createTestEnvironment();
    orm = await openDatabase(commerce.database, { kind: 'sqlite', file: path.join(env.dataDir, 'commerce.sqlite') });
    queue = new JobQueue(orm);
  });
  beforeEach(async () => {
    await orm.em.fork().nativeDelete(SyncJob, {});
  });
  afterAll(async () => {
    await orm?.close(true);
    await env?.cleanup();
  });

  async function enqueue(listingId: string, runAfter = NOW): Promise<number> {
    const em = orm.em.fork();
    const job = em.create(SyncJob, { listingId, marketplace: 'VOSO', reason: 'TEST', targetVersion: 1, runAfter, status: SyncJobStatus.PENDING, attempts: 0, claims: 0, coalesced: 0, createdAt: new Date(NOW) });
    await em.persistAndFlush(job);
    return job.id;
  }
  const statusOf = async (id: number) => (await orm.em.fork().findOneOrFail(SyncJob, id)).status;

  it('claims due jobs, one per listing, oldest first, never one of a listing that is running', async () => {
    const a1 = await enqueue('listing-a');
    const a2 = await enqueue('listing-a');
    const b1 = await enqueue('listing-b');
    await enqueue('listing-c', NOW + 60_000);
    expect((await queue.claim('w1', 10, 5_000, NOW)).map((j) => j.id)).toEqual([a1, b1]);
    // a2 waits while a1 runs; c is not due.
    expect(await queue.claim('w2', 10, 5_000, NOW)).toEqual([]);
    await queue.settle('w1', a1, { status: SyncJobStatus.DONE, attempts: 1 }, NOW);
    expect((await queue.claim('w2', 10, 5_000, NOW)).map((j) => j.id)).toEqual([a2]);
  });

  it('lets only the holder renew or settle a claim, and frees expired claims', async () => {
    const id = await enqueue('listing-d');
    await queue.claim('w1', 1, 1_000, NOW);
    expect(await queue.renew('w2', [id], 1_000, NOW)).toEqual([]);
    await queue.settle('w2', id, { status: SyncJobStatus.DONE, attempts: 1 }, NOW);
    expect(await statusOf(id)).toBe(SyncJobStatus.RUNNING);
    expect(await queue.renew('w1', [id], 1_000, NOW + 500)).toEqual([id]);
    expect(await queue.releaseExpired(NOW + 1_000)).toBe(0);
    expect(await queue.releaseExpired(NOW + 1_600)).toBe(1);
    expect(await statusOf(id)).toBe(SyncJobStatus.PENDING);
    // The old holder's late settle changes nothing.
    await queue.settle('w1', id, { status: SyncJobStatus.DONE, attempts: 1 }, NOW + 1_700);
    expect(await statusOf(id)).toBe(SyncJobStatus.PENDING);
  });

  it('puts a waiting job back for later and records attempts and errors', async () => {
    const id = await enqueue('listing-e');
    await queue.claim('w1', 1, 1_000, NOW);
    await queue.settle('w1', id, { status: SyncJobStatus.PENDING, attempts: 2, delayMs: 10_000 }, NOW);
    expect(await queue.claim('w1', 1, 1_000, NOW + 9_999)).toEqual([]);
    expect(await queue.claim('w1', 1, 1_000, NOW + 10_000)).toHaveLength(1);
    await queue.settle('w1', id, { status: SyncJobStatus.FAILED, attempts: 3, error: 'TRANSIENT: 503' }, NOW + 10_000);
    expect(await orm.em.fork().findOneOrFail(SyncJob, id)).toMatchObject({ status: SyncJobStatus.FAILED, attempts: 5, lastError: 'TRANSIENT: 503', claims: 2 });
  });

  it('keeps one worker per SQLite database with a lease that expires', async () => {
    expect(await queue.holdSingleWorkerLease('w1', 1_000, NOW)).toBe(true);
    expect(await queue.holdSingleWorkerLease('w2', 1_000, NOW + 500)).toBe(false);
    expect(await queue.holdSingleWorkerLease('w1', 1_000, NOW + 900)).toBe(true);
    expect(await queue.holdSingleWorkerLease('w2', 1_000, NOW + 2_000)).toBe(true);
    await queue.releaseSingleWorkerLease('w2');
    expect(await queue.holdSingleWorkerLease('w3', 1_000, NOW + 2_001)).toBe(true);
  });
});
