import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { contentSha256, mayChangeUnderNfc, StatementHasher } from '../../../../subgraphs/commerce/reconciliation/content-hash.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { ReconciliationRun } from '../../../../subgraphs/commerce/reconciliation/reconciliation-run.entity.js';
import { openDatabase } from '../../../../core/db/database.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { ALL_OUTCOMES_LEDGER, ALL_OUTCOMES_STATEMENT, insertExpected, reconciliationOnly, writeFile } from './fixtures.js';

/** The content hash by its definition, line by line: no BOM, no CR before LF, NFC, trailing empty lines dropped. */
function byDefinition(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l).normalize('NFC'));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return createHash('sha256').update(lines.map((l) => `${l}\n`).join('')).digest('hex');
}

describe('a re-sent statement is recognised by its content', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  it('the same content hashes the same whatever its BOM, line ends, NFC/NFD and final newline; any other change differs', async () => {
    const base = await contentSha256(writeFile(env.dataDir, 'a.csv', ALL_OUTCOMES_STATEMENT));
    const variants = [
      '\uFEFF' + ALL_OUTCOMES_STATEMENT,
      ALL_OUTCOMES_STATEMENT.replace(/\n/g, '\r\n'),
      ALL_OUTCOMES_STATEMENT.normalize('NFD'),
      ALL_OUTCOMES_STATEMENT.replace(/\n$/, ''),
      ALL_OUTCOMES_STATEMENT + '\r\n\r\n',
    ];
    for (const [i, text] of variants.entries()) expect(await contentSha256(writeFile(env.dataDir, `v${i}.csv`, text))).toBe(base);
    expect(await contentSha256(writeFile(env.dataDir, 'changed.csv', ALL_OUTCOMES_STATEMENT.replace('90.000', '90.001')))).not.toBe(base);
    expect(await contentSha256(writeFile(env.dataDir, 'blank.csv', ALL_OUTCOMES_STATEMENT.replace('\n', '\n\n')))).not.toBe(base);
  });

  it('hashing in chunks of any size gives the content hash by its definition (line by line: no BOM, no CR before LF, NFC, trailing empty lines dropped)', () => {
    const texts = [
      '\uFEFF' + ALL_OUTCOMES_STATEMENT.normalize('NFD').replace(/\n/g, '\r\n'),
      '\n\n' + ALL_OUTCOMES_STATEMENT.replace('\n', '\n\r\n\n') + '\r\r\n\n\n',
      'a\r\r\nb\rc\n\u0301x\nNguye\u0302\u0303n\n\n\n',
      '\n\n\n',
      'no line break at the end',
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      for (const size of [1, 2, 3, 7, 64, bytes.length]) {
        const hasher = new StatementHasher();
        for (let at = 0; at < bytes.length; at += size) hasher.update(bytes.subarray(at, at + size));
        expect(hasher.digest().contentSha256).toBe(byDefinition(text));
      }
    }
  });

  it('a chunk larger than the hasher\'s decoding block (as the import reads, 256 KB) hashes the same: blocks cut after a LF, or inside a longer line', () => {
    // NFD marks, CRLF and a two-byte character on every line, so a block boundary falls next to each;
    // one line of 100 KB has no LF to cut after.
    const rows = Array.from({ length: 6000 }, (_, i) => `${i},Nguye\u0302\u0303n,Hoa\u0300n tie\u0302\u0300n,${'x'.repeat(i % 97)}\r\n`).join('');
    const text = '\uFEFF' + rows + 'đ'.repeat(50_000) + '\r\n' + rows + '\n\n';
    const bytes = Buffer.from(text, 'utf8');
    const expected = byDefinition(text);
    for (const size of [256 * 1024, 32 * 1024, 32 * 1024 + 1, 70_001, bytes.length]) {
      const hasher = new StatementHasher();
      for (let at = 0; at < bytes.length; at += size) hasher.update(bytes.subarray(at, at + size));
      expect(hasher.digest().contentSha256).toBe(expected);
    }
  });

  it('hashes by its definition on random texts cut into random chunks: NFD and NFC, marks, CR-only files, long lines, BOMs, empty lines (property)', () => {
    const pieces = ['a', 'Z', '0', ',', '\t', ' ', '\n', '\r', '\r\n', '\n\n', '\uFEFF', 'đ', 'Nguyễn', 'Nguye\u0302\u0303n', 'ệ', 'e\u0323\u0302', '\u0301', '\u212B', '\u2126', 'Å', 'ﬁ', '가', '\u1100\u1161', '😀', 'x'.repeat(40_000), 'á'.repeat(20_000)];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 8 }),
        (parts, sizes) => {
          const text = parts.join('');
          const bytes = Buffer.from(text, 'utf8');
          const hasher = new StatementHasher();
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = sizes[k % sizes.length];
            hasher.update(bytes.subarray(at, at + size));
            at += size;
          }
          expect(hasher.digest().contentSha256).toBe(byDefinition(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the bytes NFC may change exactly where the definition does, at any alignment in the buffer (property)', () => {
    // The definition: read as Latin-1, a lead byte from 0xCC up other than 0xE1 0xB8–0xBB.
    const definition = (bytes: Buffer) => /[\xCC-\xE0\xE2-\xFF]|\xE1[^\xB8-\xBB]/.test(bytes.toString('latin1'));
    const interesting = [0x00, 0x0a, 0x41, 0x7f, 0x80, 0xb7, 0xb8, 0xbb, 0xbc, 0xbf, 0xc0, 0xc3, 0xcb, 0xcc, 0xcd, 0xdf, 0xe0, 0xe1, 0xe2, 0xef, 0xf0, 0xff];
    const backing = Buffer.alloc(64 + 8);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...interesting), { maxLength: 64 }), fc.integer({ min: 0, max: 7 }), (values, offset) => {
        const bytes = backing.subarray(offset, offset + values.length);
        bytes.set(values);
        expect(mayChangeUnderNfc(bytes)).toBe(definition(bytes));
      }),
      { numRuns: 5000 },
    );
    // One such byte anywhere in a long ASCII run, and 0xE1 as the last byte (nothing follows it).
    for (let at = 0; at < 40; at++) {
      const bytes = Buffer.alloc(40, 0x61);
      bytes[at] = 0xcc;
      expect(mayChangeUnderNfc(bytes.subarray(1))).toBe(at > 0);
      bytes[at] = 0xe1;
      expect(mayChangeUnderNfc(bytes)).toBe(at < 39);
    }
  });

  it('a file that is not valid UTF-8 hashes as its text with replacement characters, however it is cut', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\r\n'), Buffer.from([0xe1, 0xb8, 0x0a, 0xff, 0x41, 0xc3]), Buffer.from('\nNguye\u0302\u0303n\n')]);
    const expected = byDefinition(bytes.toString('utf8'));
    for (const size of [1, 2, 3, 5, bytes.length]) {
      const hasher = new StatementHasher();
      for (let at = 0; at < bytes.length; at += size) hasher.update(bytes.subarray(at, at + size));
      expect(hasher.digest().contentSha256).toBe(expected);
    }
  });

  it('an Excel re-save (CRLF, BOM) of an imported statement returns the earlier run and adds nothing', async () => {
    const orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    try {
      await insertExpected(orm.em.fork(), ALL_OUTCOMES_LEDGER);
      const first = await reconcileStatement(orm.em.fork(), { provider: 'viettel-money', file: writeFile(env.dataDir, 'vtm.csv', ALL_OUTCOMES_STATEMENT), period: '2026-11-01', importedBy: 'test' });
      expect(first.alreadyImported).toBe(false);
      const resaved = writeFile(env.dataDir, 'vtm (1).csv', '\uFEFF' + ALL_OUTCOMES_STATEMENT.normalize('NFD').replace(/\n/g, '\r\n'));
      const second = await reconcileStatement(orm.em.fork(), { provider: 'viettel-money', file: resaved, period: '2026-11-01', importedBy: 'test' });
      expect(second).toMatchObject({ alreadyImported: true, run: { id: first.run.id } });
      await expect(reconcileStatement(orm.em.fork(), { provider: 'viettel-money', file: resaved, period: '2026-11', importedBy: 'test' })).rejects.toThrow(
        /was already imported as run .* for the period 2026-11-01, not 2026-11/,
      );
      expect(await orm.em.fork().count(ReconciliationRun, {})).toBe(1);
    } finally {
      await orm.close(true);
    }
  });
});
