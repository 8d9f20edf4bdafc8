import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/core';
import { runImport } from '../imports/import-runner.js';
import type { ImportKind } from '../imports/import-report.js';

const SAMPLES = path.join('subgraphs', 'governance', 'pilot', 'samples');

/**
 * The folder of sample import files. They are not compiled, so from the source tree and from
 * dist/ alike the folder is found by walking up to the checkout that holds it.
 */
export function samplesDirectory(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, SAMPLES);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The sample import files (${SAMPLES}) were not found above ${fileURLToPath(import.meta.url)}.`);
    dir = parent;
  }
}

/**
 * Loads sample import files through the import itself (same validation, same natural keys), so the
 * embedded default holds exactly what `hub import <kind> <file>` would load, and re-seeding changes nothing.
 */
export async function seedSamples(em: EntityManager, kind: ImportKind, files: readonly string[]): Promise<void> {
  const dir = samplesDirectory();
  for (const file of files) {
    const report = await runImport(em.fork(), { kind, format: 'csv', text: await readFile(path.join(dir, file), 'utf8'), source: file });
    if (report.errors.length) throw new Error(`The sample file ${file} does not import: ${report.errors.map((e) => e.message).join('; ')}`);
  }
}
