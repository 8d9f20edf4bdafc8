import type { EntityManager } from '@mikro-orm/core';
import { requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { AdministrativeUnit, UnitLevel } from './administrative-unit.entity.js';
import type { UnitSuccession } from './unit-succession.entity.js';
import { unitSnapshot } from './unit-snapshot.store.js';

export const CODE_LENGTH: Record<UnitLevel, number> = {
  [UnitLevel.PROVINCE]: 2,
  [UnitLevel.DISTRICT]: 3,
  [UnitLevel.COMMUNE]: 5,
};

export function isUnitCode(level: UnitLevel, code: string): boolean {
  return new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(code);
}

export function isValidOn(unit: AdministrativeUnit, on: string): boolean {
  return (!unit.validFrom || unit.validFrom <= on) && (!unit.validTo || unit.validTo >= on);
}

/** The unit of that level bearing `code` on date `on`, or null. */
export async function findUnitByCode(em: EntityManager, level: UnitLevel, code: string, on: string): Promise<AdministrativeUnit | null> {
  return (await unitSnapshot(em)).byCode.get(`${level}:${code}`)?.find((unit) => isValidOn(unit, on)) ?? null;
}

/** Communes valid on `on`, optionally within the province bearing `provinceCode` on that date. */
export async function listCommunes(em: EntityManager, on: string, provinceCode?: string): Promise<AdministrativeUnit[]> {
  let provinceId: string | undefined;
  if (provinceCode) {
    const province = await findUnitByCode(em, UnitLevel.PROVINCE, provinceCode, on);
    if (!province) return [];
    provinceId = province.id;
  }
  return (await unitSnapshot(em)).communes.filter((unit) => isValidOn(unit, on) && (!provinceId || unit.provinceId === provinceId));
}

export function unitLoader(context: SubgraphContext) {
  return requestLoader<string, AdministrativeUnit | null>(context, 'unitById', async (ids) => {
    const { byId } = await unitSnapshot(context.registryEm);
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function successionsByPredecessor(context: SubgraphContext) {
  return requestLoader<string, UnitSuccession[]>(context, 'successionsByPredecessor', async (ids) => {
    const { byPredecessor } = await unitSnapshot(context.registryEm);
    return ids.map((id) => [...(byPredecessor.get(id) ?? [])]);
  });
}

export function successionsBySuccessor(context: SubgraphContext) {
  return requestLoader<string, UnitSuccession[]>(context, 'successionsBySuccessor', async (ids) => {
    const { bySuccessor } = await unitSnapshot(context.registryEm);
    return ids.map((id) => [...(bySuccessor.get(id) ?? [])]);
  });
}

/**
 * The unit itself, then (sorted) every unit whose data it inherits: its predecessors, their
 * predecessors, and so on. KPIs "across the reform" sum over these.
 */
export async function lineageIds(em: EntityManager, unitId: string): Promise<string[]> {
  const { bySuccessor } = await unitSnapshot(em);
  const seen = new Set([unitId]);
  let frontier = [unitId];
  while (frontier.length) {
    const rows = frontier.flatMap((id) => bySuccessor.get(id) ?? []);
    frontier = rows.map((r) => r.predecessorId).filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  seen.delete(unitId);
  return [unitId, ...[...seen].sort()];
}

/** `lineageIds` for many units at once (a page of communes, provinces), from the registry in memory. */
export function lineageLoader(context: SubgraphContext) {
  return requestLoader<string, string[]>(context, 'lineage', (ids) => Promise.all(ids.map((id) => lineageIds(context.registryEm, id))));
}
