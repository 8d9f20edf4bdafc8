import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseDefinition, DatabaseTarget, Dialect } from '../../core/db/database.js';
import { enumChecksOf } from '../../core/db/sqlite-schema-helper.js';
import { createMigration, migrationLabel } from '../../scripts/support/migration-diff.js';
import { withTemporaryPostgresDatabase } from '../../scripts/support/temporary-database.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/registry.js';
import { TEST_DATABASE_URL } from '../helpers/databases.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-migration-test-'));
  dirs.push(dir);
  return dir;
}

/** Runs `work` on an empty database of the dialect (PostgreSQL: a throw-away database). */
async function onEmptyDatabase<T>(dialect: Dialect, schema: string, work: (target: DatabaseTarget) => Promise<T>): Promise<T> {
  if (dialect === 'sqlite') return work({ kind: 'sqlite', file: path.join(tempDir(), `${schema}.sqlite`) });
  return withTemporaryPostgresDatabase(TEST_DATABASE_URL!, `hub_test_migrate_${randomBytes(4).toString('hex')}`, (url) => work({ kind: 'postgresql', url, schema }));
}

const dialects: Dialect[] = TEST_DATABASE_URL ? ['sqlite', 'postgresql'] : ['sqlite'];

describe('migration label', () => {
  it('turns kebab case, spaces and capitals into the snake_case suffix of a valid class name', () => {
    expect(migrationLabel('add-documents')).toBe('add_documents');
    expect(migrationLabel('Add documents  for   officers')).toBe('add_documents_for_officers');
    expect(migrationLabel('--drop.note--')).toBe('drop_note');
    expect(migrationLabel('đường thôn')).toBe('duong_thon');
    expect(`Migration20261202000000_${migrationLabel('a-b c')}`).toMatch(/^[A-Za-z_$][\w$]*$/);
  });

  it('refuses a label with nothing usable in it, or a very long one', () => {
    expect(() => migrationLabel('---')).toThrow(/no letter or digit/);
    expect(() => migrationLabel('x'.repeat(61))).toThrow(/keep it to 60/);
  });
});

describe('SQLite enum checks', () => {
  it('reads every value of a check, however many, with quotes doubled inside values', () => {
    const sql = "create table `t` (`id` text not null, `state` text check (`state` in ('PLANNED', 'INSTALLED', 'FAULTY')) not null, `kind` text check (`kind` in ('it''s', 'b')) null)";
    expect(enumChecksOf(sql)).toEqual({ state: ['PLANNED', 'INSTALLED', 'FAULTY'], kind: ["it's", 'b'] });
  });
});

describe.each(dialects)('migration:create on %s', (dialect) => {
  it.each(SUBGRAPH_NAMES)('finds nothing to migrate for %s on a clean checkout: entities and migrations agree', async (name) => {
    const definition = await SUBGRAPHS[name].database.load();
    const created = await onEmptyDatabase(dialect, name, (target) => createMigration(definition, target, { folder: tempDir(), write: false }));
    expect(created.up).toEqual([]);
  });

  it('turns one column the entities have and the migrations lack into exactly that change, in a file named after the label', async () => {
    const devices = await SUBGRAPHS.devices.database.load();
    // As if the entity had just gained `note`: the checked-in migrations, then one that takes it away.
    class DropCameraNote extends Migration {
      override async up(): Promise<void> {
        this.addSql(dialect === 'sqlite' ? 'alter table `camera` drop column `note`;' : 'alter table "devices"."camera" drop column "note";');
      }
    }
    const definition: DatabaseDefinition = {
      ...devices,
      migrations: { ...devices.migrations, [dialect]: [...devices.migrations[dialect], { name: 'Migration29991231000000_test_drop_note', class: DropCameraNote }] },
    };
    const folder = tempDir();
    const created = await onEmptyDatabase(dialect, 'devices', (target) => createMigration(definition, target, { folder, label: 'camera note-back' }));
    expect(created.up).toEqual([dialect === 'sqlite' ? 'alter table `camera` add column `note` text null;' : 'alter table "devices"."camera" add column "note" varchar(500) null;']);
    expect(created.fileName).toMatch(/^Migration\d{14}_camera_note_back\.ts$/);
    const className = created.fileName.replace(/\.ts$/, '');
    expect(className).toMatch(/^[A-Za-z_$][\w$]*$/);
    expect(readFileSync(path.join(folder, created.fileName), 'utf8')).toContain(`export class ${className} extends Migration`);
  });
});
