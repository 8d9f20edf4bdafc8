import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_PAGE_SIZE } from '../../../core/db/database.js';
import { rawRows } from '../../../core/db/prepared-statements.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';

describe('the page size of a SQLite database', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const pageSize = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.pragma('page_size', { simple: true });
    } finally {
      db.close();
    }
  };

  it('is 16 KB for a new file, which then holds its tables in write-ahead-log mode', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-page-size-'));
    const file = path.join(dir, 'governance.sqlite');
    const orm = await openDatabase(SUBGRAPHS.governance.database, { kind: 'sqlite', file });
    try {
      const [mode] = await rawRows<{ journal_mode: string }>(orm.em.fork(), 'pragma journal_mode');
      expect(mode.journal_mode).toBe('wal');
    } finally {
      await orm.close(true);
    }
    expect(SQLITE_PAGE_SIZE).toBe(16_384);
    expect(pageSize(file)).toBe(SQLITE_PAGE_SIZE);
  });

  it('stays what it was for an existing file, whose rows are all still there', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-page-size-'));
    const file = path.join(dir, 'governance.sqlite');
    // A database made before the hub chose its page size: SQLite's default 4 KB, some rows in it.
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.exec('create table keepsake (n integer primary key, note text)');
    const insert = old.prepare('insert into keepsake (note) values (?)');
    for (let k = 0; k < 500; k++) insert.run(`note ${k} ${'x'.repeat(200)}`);
    old.close();
    const orm = await openDatabase(SUBGRAPHS.governance.database, { kind: 'sqlite', file });
    try {
      const [count] = await rawRows<{ n: number }>(orm.em.fork(), 'select count(*) as n from keepsake');
      expect(count.n).toBe(500);
    } finally {
      await orm.close(true);
    }
    expect(pageSize(file)).toBe(4096);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
