import type { EntityManager } from '@mikro-orm/core';
import { bulkWrite } from '../common/bulk-write.js';
import { executeSql, placeholders, tableName, type SqlValue } from '../common/dialect.js';
import type { CommuneKind, UnitLevel } from './administrative-unit.entity.js';
import type { SuccessionShare } from './unit-succession.entity.js';

/** An administrative_unit row as the import compares and writes it; legal_basis is read (the registry snapshot shows it), never written. */
export interface UnitRecord {
  id: string;
  code: string;
  level: UnitLevel;
  kind: CommuneKind | null;
  kindName: string | null;
  name: string;
  nameSearch: string | null;
  provinceId: string | null;
  districtId: string | null;
  validFrom: string | null;
  validTo: string | null;
  legalBasis?: string | null;
}

export interface SuccessionRecord {
  predecessorId: string;
  successorId: string;
  share: SuccessionShare;
}

const UNIT_COLUMNS = ['id', 'code', 'level', 'kind', 'kind_name', 'name', 'name_search', 'province_id', 'district_id', 'valid_from', 'valid_to'] as const;

/** Every unit of the registry (tens of thousands at most): one statement. Dates come back as yyyy-mm-dd text on both dialects. */
export async function loadUnitRecords(em: EntityManager): Promise<UnitRecord[]> {
  const rows = await executeSql<Record<string, string | null>>(
    em,
    `select id, code, level, kind, kind_name, name, name_search, province_id, district_id,
            cast(valid_from as varchar(10)) as valid_from, cast(valid_to as varchar(10)) as valid_to, legal_basis
     from ${tableName(em, 'administrative_unit')}`,
  );
  return rows.map((r) => ({
    id: r.id!,
    code: r.code!,
    level: r.level as UnitLevel,
    kind: (r.kind ?? null) as CommuneKind | null,
    kindName: r.kind_name ?? null,
    name: r.name!,
    nameSearch: r.name_search ?? null,
    provinceId: r.province_id ?? null,
    districtId: r.district_id ?? null,
    validFrom: r.valid_from ?? null,
    validTo: r.valid_to ?? null,
    legalBasis: r.legal_basis ?? null,
  }));
}

export async function loadSuccessionRecords(em: EntityManager): Promise<SuccessionRecord[]> {
  const rows = await executeSql<{ predecessor_id: string; successor_id: string; share: SuccessionShare }>(
    em,
    `select predecessor_id, successor_id, share from ${tableName(em, 'unit_succession')}`,
  );
  return rows.map((r) => ({ predecessorId: r.predecessor_id, successorId: r.successor_id, share: r.share }));
}

export function unitValues(unit: UnitRecord): SqlValue[] {
  return [unit.id, unit.code, unit.level, unit.kind, unit.kindName, unit.name, unit.nameSearch, unit.provinceId, unit.districtId, unit.validFrom, unit.validTo];
}

/** Inserts or overwrites units by id, thousands per statement. Call inside a transaction. */
export async function writeUnitRecords(em: EntityManager, units: readonly UnitRecord[]): Promise<void> {
  await bulkWrite(em, { table: 'administrative_unit', columns: UNIT_COLUMNS, key: ['id'], onConflict: 'update' }, units.map(unitValues));
}

export async function writeSuccessionRecords(em: EntityManager, links: readonly SuccessionRecord[]): Promise<void> {
  await bulkWrite(
    em,
    { table: 'unit_succession', columns: ['predecessor_id', 'successor_id', 'share'], key: ['predecessor_id', 'successor_id'], onConflict: 'update' },
    links.map((l) => [l.predecessorId, l.successorId, l.share]),
  );
}

export async function deleteSuccessionRecords(em: EntityManager, links: readonly SuccessionRecord[]): Promise<void> {
  for (let i = 0; i < links.length; i += 500) {
    const chunk = links.slice(i, i + 500);
    await executeSql(
      em,
      `delete from ${tableName(em, 'unit_succession')} where ${chunk.map(() => '(predecessor_id = ? and successor_id = ?)').join(' or ')}`,
      chunk.flatMap((l) => [l.predecessorId, l.successorId]),
    );
  }
}

/** Notes a reform's files as applied (by checksum), so that the embedded default loads them once. */
export async function recordUnitImport(em: EntityManager, checksum: string, source: string, effectiveOn: string): Promise<void> {
  await bulkWrite(
    em,
    { table: 'unit_import', columns: ['checksum', 'source', 'effective_on', 'imported_at'], key: ['checksum'], onConflict: 'ignore' },
    [[checksum, source, effectiveOn, new Date()]],
  );
}

export async function importedChecksums(em: EntityManager, checksums: readonly string[]): Promise<Set<string>> {
  if (!checksums.length) return new Set();
  const rows = await executeSql<{ checksum: string }>(
    em,
    `select checksum from ${tableName(em, 'unit_import')} where checksum in (${placeholders(checksums.length)})`,
    [...checksums],
  );
  return new Set(rows.map((r) => r.checksum));
}
