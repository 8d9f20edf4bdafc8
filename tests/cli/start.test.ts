import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTokenVerifier } from '../../core/auth/tokens.js';
import { loadConfig } from '../../core/config.js';
import { postGraphQL } from '../helpers/graphql-client.js';
import { startProcess, type StartedProcess } from '../helpers/start-process.js';

const FREE_PORTS = { PORT: '0', GOVERNANCE_PORT: '0', SOCIETY_PORT: '0', DEVICES_PORT: '0', COMMERCE_PORT: '0', VOSO_SANDBOX_PORT: '0', POSTMART_SANDBOX_PORT: '0', SMS_SANDBOX_PORT: '0', ZALO_SANDBOX_PORT: '0' };
const SAMPLE = '{ commune(code: "05068", on: "2021-06-01") { name successor { name } } }';

/** The README's quick start, as a newcomer runs it: `npm start`, then query the printed endpoint. */
describe('npm start', () => {
  let dataDir: string;
  let hub: StartedProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hub-start-'));
  });
  afterAll(async () => {
    await hub?.stop({ group: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds, migrates, seeds the pilot data and serves the graph at the printed endpoint', async () => {
    hub = startProcess('npm', ['start'], { HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...FREE_PORTS });
    const url = (await hub.waitFor(/GraphQL endpoint: (\S+)/, 150_000))[1];
    expect((await postGraphQL(url, SAMPLE)).data).toEqual({ commune: { name: 'Nam Thượng', successor: { name: 'Hợp Kim' } } });
    expect(hub.output()).toMatch(/token --role officer --commune 05068/);
    expect(hub.output()).toMatch(/VOSO: http:\/\/127\.0\.0\.1:\d+ \(local sandbox\)/);
    expect(hub.output()).toMatch(/POSTMART: http:\/\/127\.0\.0\.1:\d+ \(local sandbox\)/);
    expect(existsSync(path.join(dataDir, 'governance.sqlite'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'auth-secret.key'))).toBe(true);
    await hub.stop({ group: true });

    // Again on the same data: nothing to migrate, the seed unchanged; SIGTERM exits 0.
    hub = startProcess('node', ['dist/cli/hub.js', 'start'], { HUB_DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'development', ...FREE_PORTS });
    const again = (await hub.waitFor(/GraphQL endpoint: (\S+)/, 150_000))[1];
    expect((await postGraphQL(again, SAMPLE)).data).toEqual({ commune: { name: 'Nam Thượng', successor: { name: 'Hợp Kim' } } });
    const subgraphPids = [...hub.output().matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
    expect(subgraphPids).toHaveLength(4);
    // SIGTERM to the hub alone (not its group): it stops its subgraph processes before it exits.
    expect(await hub.stop()).toBe(0);
    expect(hub.output()).toMatch(/SIGTERM: shutting down/);
    const alive = subgraphPids.filter((pid) => {
      try {
        return process.kill(pid, 0);
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 400_000);

  it('hub token prints a token the hub accepts, and explains a bad role', async () => {
    // Its own data directory: the token's key is the secret `hub token` generates there.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-token-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const token = execFileSync('node', ['dist/cli/hub.js', 'token', '--role', 'officer', '--commune', '05068'], {
      env: { ...process.env, HUB_DATA_DIR: dataDir },
    })
      .toString()
      .trim();
    expect(token.split('.')).toHaveLength(3);
    const verify = await createTokenVerifier(loadConfig({ HUB_DATA_DIR: dataDir }));
    expect(await verify(`Bearer ${token}`)).toMatchObject({ roles: ['officer'], scopes: { communes: ['05068'] } });
    const bad = spawnSync('node', ['dist/cli/hub.js', 'token', '--role', 'mayor'], { env: { ...process.env, HUB_DATA_DIR: dataDir } });
    expect(bad.status).toBe(1);
    expect(bad.stderr.toString()).toMatch(/unknown role mayor; roles are: officer, health_staff/);
  });

  it('refuses bad configuration with a message naming the variable, before starting anything', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-config-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const bad = spawnSync('node', ['dist/cli/hub.js', 'start'], { env: { ...process.env, HUB_DATA_DIR: dataDir, PORT: 'eighty', DATABASE_URL: 'mysql://x', COMMERCE_SYNC_RETRIES: 'many' } });
    expect(bad.status).toBe(1);
    const stderr = bad.stderr.toString();
    expect(stderr).toMatch(/Invalid configuration/);
    expect(stderr).toMatch(/PORT: Expected number/);
    expect(stderr).toMatch(/DATABASE_URL: must be a postgres/);
    // A module's variable is checked at start with core's.
    expect(stderr).toMatch(/COMMERCE_SYNC_RETRIES: Expected number/);
    expect(existsSync(path.join(dataDir, 'governance.sqlite'))).toBe(false);
  });

});
