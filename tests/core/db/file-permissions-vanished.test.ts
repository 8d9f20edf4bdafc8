import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The listing names a journal that is gone by the time it is checked, as a sibling subgraph
// process's transaction ends between the two.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, readdirSync: ((dir: string) => [...fs.readdirSync(dir), 'devices.sqlite-journal']) as typeof fs.readdirSync };
});

const { secureDataDirectory } = await import('../../../core/db/file-permissions.js');

describe('data directory permissions while sibling processes write', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('skips a file that vanished after the listing and still tightens the others', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-perm-vanish-'));
    writeFileSync(path.join(dir, 'society.sqlite'), 'x', { mode: 0o644 });
    const fixes = secureDataDirectory(dir);
    expect(fixes.map((f) => path.basename(f.path))).toContain('society.sqlite');
    expect(fixes.map((f) => path.basename(f.path))).not.toContain('devices.sqlite-journal');
  });
});
