import type { EntityManager } from '@mikro-orm/core';
import { requestLoader, groupByKey, type SubgraphContext } from '../../../core/graphql/context.js';
import { AdministrativeUnit, UnitLevel } from './administrative-unit.entity.js';
import { UnitSuccession } from './unit-succession.entity.js';

export const CODE_LENGTH: Record<UnitLevel, number> = {
  [UnitLevel.PROVINCE]: 2,
  [UnitLevel.DISTRICT]: 3,
  [UnitLevel.COMMUNE]: 5,
};

export function isUnitCode(level: UnitLevel, code: string): boolean {
  return new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(code);
}

/** Validity condition: the unit existed on `on` (validFrom ≤ on ≤ validTo, open ends allowed). */
function validOn(on: string) {
  return {
    $and: [{ $or: [{ validFrom: null }, { validFrom: { $lte: on } }] }, { $or: [{ validTo: null }, { validTo: { $gte: on } }] }],
  };
}

export function isValidOn(unit: AdministrativeUnit, on: string): boolean {
  return (!unit.validFrom || unit.validFrom <= on) && (!unit.validTo || unit.validTo >= on);
}

/** The unit of that level bearing `code` on date `on`, or null. */
export async function findUnitByCode(em: EntityManager, level: UnitLevel, code: string, on: string): Promise<AdministrativeUnit | null> {
  return em.findOne(AdministrativeUnit, { level, code, ...validOn(on) });
}

/** Communes valid on `on`, optionally within the province bearing `provinceCode` on that date. */
export async function listCommunes(em: EntityManager, on: string, provinceCode?: string): Promise<AdministrativeUnit[]> {
  const where: Record<string, unknown> = { level: UnitLevel.COMMUNE, ...validOn(on) };
  if (provinceCode) {
    const province = await findUnitByCode(em, UnitLevel.PROVINCE, provinceCode, on);
    if (!province) return [];
    where.provinceId = province.id;
  }
  return em.find(AdministrativeUnit, where, { orderBy: { code: 'asc' } });
}

export function unitLoader(context: SubgraphContext) {
  return requestLoader<string, AdministrativeUnit | null>(context, 'unitById', async (ids) => {
    const units = await context.em.find(AdministrativeUnit, { id: { $in: [...ids] } });
    const byId = new Map(units.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function successionsByPredecessor(context: SubgraphContext) {
  return requestLoader<string, UnitSuccession[]>(context, 'successionsByPredecessor', async (ids) => {
    const rows = await context.em.find(UnitSuccession, { predecessorId: { $in: [...ids] } }, { orderBy: { successorId: 'asc' } });
    return groupByKey(ids, rows, (r) => r.predecessorId);
  });
}

export function successionsBySuccessor(context: SubgraphContext) {
  return requestLoader<string, UnitSuccession[]>(context, 'successionsBySuccessor', async (ids) => {
    const rows = await context.em.find(UnitSuccession, { successorId: { $in: [...ids] } }, { orderBy: { predecessorId: 'asc' } });
    return groupByKey(ids, rows, (r) => r.successorId);
  });
}

/**
 * The unit itself, then (sorted) every unit whose data it inherits: its predecessors, their
 * predecessors, and so on. KPIs "across the reform" sum over these.
 */
export async function lineageIds(em: EntityManager, unitId: string): Promise<string[]> {
  const seen = new Set([unitId]);
  let frontier = [unitId];
  while (frontier.length) {
    const rows = await em.find(UnitSuccession, { successorId: { $in: frontier } });
    frontier = rows.map((r) => r.predecessorId).filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  seen.delete(unitId);
  return [unitId, ...[...seen].sort()];
}

/**
 * `lineageIds` for many units at once (a page of communes, provinces): one statement per generation
 * of predecessors for the whole batch, not per unit.
 */
export function lineageLoader(context: SubgraphContext) {
  return requestLoader<string, string[]>(context, 'lineage', async (ids) => {
    const predecessorsOf = new Map<string, string[]>();
    const known = new Set(ids);
    let frontier = [...known];
    while (frontier.length) {
      const rows = await context.em.find(UnitSuccession, { successorId: { $in: frontier } });
      frontier = [];
      for (const row of rows) {
        predecessorsOf.set(row.successorId, [...(predecessorsOf.get(row.successorId) ?? []), row.predecessorId]);
        if (!known.has(row.predecessorId)) {
          known.add(row.predecessorId);
          frontier.push(row.predecessorId);
        }
      }
    }
    return ids.map((id) => {
      const seen = new Set([id]);
      const stack = [id];
      while (stack.length) {
        for (const p of predecessorsOf.get(stack.pop()!) ?? []) {
          if (!seen.has(p)) {
            seen.add(p);
            stack.push(p);
          }
        }
      }
      seen.delete(id);
      return [id, ...[...seen].sort()];
    });
  });
}
