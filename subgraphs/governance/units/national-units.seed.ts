import type { EntityManager } from '@mikro-orm/core';
import { nationalDataDir } from '../../shared/national-data.js';
import { findReformFiles } from './unit-files.js';
import { importUnits } from './unit-import.command.js';
import { importedChecksums } from './unit-import.store.js';

/**
 * The embedded default's national registry: the shipped lists, applied once (a later start finds
 * their checksum and does nothing). A bad shipped file is a bug: it stops the start with its lines.
 */
export async function seedNationalUnits(em: EntityManager): Promise<void> {
  const reforms = findReformFiles(nationalDataDir());
  const done = await importedChecksums(em, reforms.map((r) => r.checksum));
  const pending = reforms.filter((r) => !done.has(r.checksum));
  if (!pending.length) return;
  const report = await importUnits(em, pending);
  if (report.errors.length) throw new Error(`The shipped unit lists do not load:\n${report.errors.map((e) => e.message).join('\n')}`);
}
