import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import { forgetUnitSnapshot, SNAPSHOT_TTL_MS, unitSnapshot } from '../../../../subgraphs/governance/units/unit-snapshot.store.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';

describe('governance: the unit registry snapshot', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { HUB_UNITS: 'pilot' } });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, background: false, target: env.target('governance') });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('a stale snapshot is served at once while one reload runs; the reload replaces it; forgetting makes the next read wait for a fresh one', async () => {
    const em = subgraph.orm.em.fork();
    forgetUnitSnapshot(em);
    const first = await unitSnapshot(em);
    expect(first.byId.get('05068/1')?.name).toBe('Nam Thượng');
    expect(await unitSnapshot(em)).toBe(first);

    // Far past the TTL: the stale one comes back without waiting, and a reload starts.
    const stale = unitSnapshot(em, Date.now() + 10 * SNAPSHOT_TTL_MS);
    expect(await stale).toBe(first);
    await expect.poll(async () => (await unitSnapshot(em)) !== first, { timeout: 30_000 }).toBe(true);
    const reloaded = await unitSnapshot(em);
    expect(reloaded.byId.get('05068/1')?.name).toBe('Nam Thượng');

    forgetUnitSnapshot(em);
    const fresh = await unitSnapshot(em);
    expect(fresh).not.toBe(reloaded);
  });
});
