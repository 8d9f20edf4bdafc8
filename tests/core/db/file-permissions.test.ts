import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secureDataDirectory } from '../../../core/db/file-permissions.js';
import { startSubgraph } from '../../../core/subgraph-server.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { captureLogs } from '../../helpers/log-capture.js';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('data directory permissions', () => {
  let dir: string | undefined;
  let env: TestEnvironment | undefined;
  afterEach(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await env?.cleanup();
    dir = undefined;
    env = undefined;
  });

  it('tightens the directory to 0700 and databases and keys to 0600, reporting each fix, and leaves other files alone', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-perm-'));
    chmodSync(dir, 0o755);
    for (const name of ['society.sqlite', 'society.sqlite-wal', 'auth-secret.key', 'notes.txt']) writeFileSync(path.join(dir, name), 'x', { mode: 0o644 });
    const fixes = secureDataDirectory(dir);
    expect(fixes.map((f) => [path.basename(f.path), f.was, f.now])).toEqual(
      expect.arrayContaining([
        [path.basename(dir), '755', '700'],
        ['society.sqlite', '644', '600'],
        ['society.sqlite-wal', '644', '600'],
        ['auth-secret.key', '644', '600'],
      ]),
    );
    expect(fixes).toHaveLength(4);
    expect(modeOf(dir)).toBe('700');
    expect(modeOf(path.join(dir, 'society.sqlite'))).toBe('600');
    expect(modeOf(path.join(dir, 'notes.txt'))).toBe('644');
    expect(secureDataDirectory(dir)).toEqual([]);
  });

  it('a subgraph starting on a readable data directory warns and fixes it; the databases it creates are 0600', async () => {
    env = await createTestEnvironment();
    chmodSync(env.dataDir, 0o755);
    const logs = captureLogs('info');
    const subgraph = await startSubgraph(SUBGRAPHS.society, { config: env.config, port: 0, host: '127.0.0.1', seed: false, target: env.target('society'), logger: logs.logger('society') });
    try {
      expect(logs.text()).toMatch(/permissions tightened/);
      expect(modeOf(env.dataDir)).toBe('700');
      expect(modeOf(path.join(env.dataDir, 'society.sqlite'))).toBe('600');
      expect(modeOf(path.join(env.dataDir, 'gateway-signing.key'))).toBe('600');
    } finally {
      await subgraph.close();
    }
  });
});
