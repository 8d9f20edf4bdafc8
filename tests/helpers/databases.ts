import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type HubConfig } from '../../core/config.js';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry.js';
import type { DatabaseTarget } from '../../core/db/database.js';

/** PostgreSQL tests run when TEST_DATABASE_URL is set (CI sets it); SQLite tests always run. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestEnvironment {
  config: HubConfig;
  dataDir: string;
  /** Where subgraph `name` keeps its data in this test. */
  target(name: string): DatabaseTarget;
  cleanup(): Promise<void>;
}

/**
 * A fresh data directory (embedded mode: SQLite files and the generated token secret), or, with
 * `postgres: true`, a fresh PostgreSQL database dropped afterwards.
 */
export async function createTestEnvironment(options: { postgres?: boolean; env?: Record<string, string> } = {}): Promise<TestEnvironment> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-test-'));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (options.postgres) {
    if (!TEST_DATABASE_URL) throw new Error('Set TEST_DATABASE_URL to run PostgreSQL tests');
    dbName = `hub_test_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HUB_DATA_DIR: dataDir,
    // The pilot's units only, unless a test asks for the whole country (HUB_UNITS: 'national').
    HUB_UNITS: 'pilot',
    // The pilot catalogue is seeded as DRAFT listings: tests publish what they need (a test of the
    // embedded default's first start sets COMMERCE_PILOT_PUBLISH: 'true').
    COMMERCE_PILOT_PUBLISH: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  }, { subgraphs: SUBGRAPH_REGISTRY });
  return {
    config,
    dataDir,
    target: (name) =>
      databaseUrl ? { kind: 'postgresql', url: databaseUrl, schema: name } : { kind: 'sqlite', file: path.join(dataDir, `${name}.sqlite`) },
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName && TEST_DATABASE_URL) {
        const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}
