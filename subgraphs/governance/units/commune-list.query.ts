import type { EntityManager } from '@mikro-orm/core';
import type { CursorKey } from '../../../core/graphql/connection.js';
import { foldForSearch } from '../../../core/text.js';
import type { AdministrativeUnit } from './administrative-unit.entity.js';
import { isValidOn } from './unit-registry.js';
import { unitSnapshot } from './unit-snapshot.store.js';

export interface CommunePageRequest {
  on: string;
  /** Only the communes of this province unit (by id). */
  provinceId?: string;
  /** Name (diacritics and case ignored) containing it, or a code starting with it. */
  search?: string;
  limit: number;
  after: CursorKey | null;
}

/**
 * A page of communes valid on a date, ordered by code then id (the cursor), with the total count,
 * from the registry in memory: no SQL statement (the page and its count through the ORM cost a
 * province page more than its figures). A province's page filters its own ~150 communes; only a
 * national list or search goes through the country's ~13,000.
 */
export async function pageCommunes(em: EntityManager, request: CommunePageRequest): Promise<{ rows: AdministrativeUnit[]; totalCount: number }> {
  const { on, provinceId } = request;
  const term = request.search ? foldForSearch(request.search) : '';
  const byCode = /^\d+$/.test(term);
  const snapshot = await unitSnapshot(em);
  const candidates = provinceId ? (snapshot.communesByProvince.get(provinceId) ?? []) : snapshot.communes;
  const matches = candidates.filter((unit) => isValidOn(unit, on) && (!term || (byCode ? unit.code.startsWith(term) : (unit.nameSearch ?? '').includes(term))));
  let start = 0;
  if (request.after) {
    const [code, id] = request.after.map(String) as [string, string];
    const next = matches.findIndex((unit) => unit.code > code || (unit.code === code && unit.id > id));
    start = next < 0 ? matches.length : next;
  }
  return { rows: matches.slice(start, start + request.limit + 1), totalCount: matches.length };
}
