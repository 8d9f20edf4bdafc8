import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startProcess, type StartedProcess } from '../helpers/start-process.js';

/** The README's quick start, as a newcomer runs it: `npm start`, then query the printed endpoint. */
describe('npm start', () => {
  let dataDir: string;
  let hub: StartedProcess;
  let url: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hub-start-'));
    hub = startProcess('npm', ['start'], {
      HUB_DATA_DIR: dataDir,
      PORT: '0',
      GOVERNANCE_PORT: '0',
      SOCIETY_PORT: '0',
      DEVICES_PORT: '0',
      COMMERCE_PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    });
    url = (await hub.waitFor(/GraphQL endpoint: (\S+)/, 120_000))[1];
  }, 150_000);

  afterAll(async () => {
    await hub?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds, migrates, seeds the pilot data and serves the graph at the printed endpoint', async () => {
    const response = await postGraphQL(url, '{ commune(code: "05068", on: "2021-06-01") { name successor { name } } }');
    expect(response.data).toEqual({ commune: { name: 'Nam Thượng', successor: { name: 'Hợp Kim' } } });
    expect(hub.output()).toMatch(/token --role officer --commune 05068/);
    expect(existsSync(path.join(dataDir, 'governance.sqlite'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'auth-secret.key'))).toBe(true);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await hub.stop()).toBe(0);
  });
});
