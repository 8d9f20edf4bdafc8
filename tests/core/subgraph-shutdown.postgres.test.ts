import pg from 'pg';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId } from '../../core/auth/gateway-assertion.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../helpers/databases.js';
import { loadLoops } from '../helpers/load-client.js';
import { startProcess, type StartedProcess } from '../helpers/start-process.js';

const QUERY = '{ commune(code: "05068", on: "2021-06-01") { name dossierStats(year: 2021) { received } } }';
const CLIENTS = 6;

/**
 * A subgraph process (`hub serve governance`, production topology on PostgreSQL) gets SIGTERM
 * while every caller has a request in it. The requests are held in flight by a lock the test holds
 * on the dossier table, so "accepted and unanswered" is a fact, not a timing guess.
 */
describe.skipIf(!TEST_DATABASE_URL)('subgraph process: SIGTERM under load (PostgreSQL)', () => {
  let env: TestEnvironment;
  let subgraph: StartedProcess | undefined;
  let locker: pg.Client | undefined;

  beforeAll(async () => {
    env = await createTestEnvironment({ postgres: true });
  });
  afterAll(async () => {
    await locker?.end().catch(() => undefined);
    await subgraph?.stop({ timeoutMs: 5000 });
    await env?.cleanup();
  });

  it('answers every request in flight, fails /ready, refuses new connections, exits 0', async () => {
    subgraph = startProcess('node', ['dist/cli/hub.js', 'serve', 'governance'], {
      DATABASE_URL: env.config.DATABASE_URL!,
      HUB_SEED: 'pilot',
      GOVERNANCE_PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HUB_DATA_DIR: env.dataDir,
      SHUTDOWN_DELAY_MS: '3000',
      SHUTDOWN_TIMEOUT_MS: '60000',
    });
    const [, url] = await subgraph.waitFor(/"url":"(http:\/\/[^"]+\/graphql)"[^\n]*subgraph listening/, 90_000);
    const ready = url!.replace(/\/graphql$/, '/ready');

    // The subgraph answers only the gateway: each request is signed as the gateway signs it (same data dir, same key).
    const signer = createAssertionSigner(env.config);
    const load = loadLoops(url!, QUERY, CLIENTS, async (body) => ({ [GATEWAY_ASSERTION_HEADER]: await signer('governance', { viewer: null, requestId: newRequestId() }, body) }));
    await expect.poll(() => load.outcomes.filter((o) => o.status === 200).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(CLIENTS);

    // Hold the dossier tables (the KPIs read the month summary, the lists the dossiers): every caller's next request waits inside the subgraph, on its SQL.
    locker = new pg.Client({ connectionString: env.config.DATABASE_URL });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table governance.dossier, governance.dossier_month_summary in access exclusive mode');
    const waiting = async () =>
      Number(
        (
          await locker!.query<{ n: string }>(
            "select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'commune-hub:governance' and wait_event_type = 'Lock'",
          )
        ).rows[0]!.n,
      );
    await expect.poll(waiting, { timeout: 60_000 }).toBe(CLIENTS);
    const answeredBefore = load.outcomes.length;

    const exited = subgraph.stop({ timeoutMs: 90_000 });
    await expect.poll(async () => (await fetch(ready)).status, { timeout: 30_000, interval: 100 }).toBe(503);
    await expect
      .poll(async () => fetch(ready).then(() => 'open', (error: { cause?: { code?: string } }) => error.cause?.code), { timeout: 30_000, interval: 100 })
      .toBe('ECONNREFUSED');
    // The held requests are still in the subgraph, unanswered.
    expect(load.outcomes.length).toBe(answeredBefore);
    await locker.query('commit');

    const outcomes = await load.done();
    expect(await exited).toBe(0);
    const held = outcomes.slice(answeredBefore).filter((o) => o.status !== undefined);
    expect(held).toHaveLength(CLIENTS);
    for (const outcome of outcomes) {
      if (outcome.status === undefined) {
        expect(outcome.error).toBe('ECONNREFUSED');
        continue;
      }
      expect(outcome.status).toBe(200);
      expect(JSON.parse(outcome.body!)).toEqual({ data: { commune: { name: 'Nam Thượng', dossierStats: { received: 1964 } } } });
    }
    expect(outcomes.filter((o) => o.error === 'ECONNREFUSED')).toHaveLength(CLIENTS);
    expect(subgraph.output()).toContain('subgraph stopped');
  });
});
