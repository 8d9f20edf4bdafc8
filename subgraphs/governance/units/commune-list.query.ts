import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { CursorKey } from '../../../core/graphql/connection.js';
import { foldForSearch } from '../../../core/text.js';
import { AdministrativeUnit, UnitLevel } from './administrative-unit.entity.js';

export interface CommunePageRequest {
  on: string;
  /** Only the communes of this province unit (by id). */
  provinceId?: string;
  /** Name (diacritics and case ignored) containing it, or a code starting with it. */
  search?: string;
  limit: number;
  after: CursorKey | null;
}

/** `%` and `_` would be wildcards, and no unit name has them: drop them from what a caller typed. */
function literal(value: string): string {
  return value.replace(/[\\%_]/g, '');
}

/**
 * A page of communes valid on a date, ordered by code then id (the cursor), with the total count:
 * two statements, served by the (province_id, level, code) and (level, code, valid_from) indexes.
 */
export async function pageCommunes(em: EntityManager, request: CommunePageRequest): Promise<{ rows: AdministrativeUnit[]; totalCount: number }> {
  const { on } = request;
  const conditions: FilterQuery<AdministrativeUnit>[] = [
    { level: UnitLevel.COMMUNE },
    { $or: [{ validFrom: null }, { validFrom: { $lte: on } }] },
    { $or: [{ validTo: null }, { validTo: { $gte: on } }] },
  ];
  if (request.provinceId) conditions.push({ provinceId: request.provinceId });
  const term = request.search ? literal(foldForSearch(request.search)) : '';
  if (term) {
    conditions.push(/^\d+$/.test(term) ? { code: { $like: `${term}%` } } : { nameSearch: { $like: `%${term}%` } });
  }
  const where: FilterQuery<AdministrativeUnit> = { $and: conditions };
  const page: FilterQuery<AdministrativeUnit>[] = [...conditions];
  if (request.after) {
    const [code, id] = request.after.map(String);
    page.push({ $or: [{ code: { $gt: code } }, { code, id: { $gt: id } }] });
  }
  const rows = await em.find(AdministrativeUnit, { $and: page }, { orderBy: { code: 'asc', id: 'asc' }, limit: request.limit + 1 });
  const totalCount = await em.count(AdministrativeUnit, where);
  return { rows, totalCount };
}
