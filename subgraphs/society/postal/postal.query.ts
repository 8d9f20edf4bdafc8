import type { EntityManager } from '@mikro-orm/core';
import { PostalDossierLink } from './postal-dossier-link.entity.js';
import { PostalPoint } from './postal-point.entity.js';
import { checkYear, PostalDossierDirection } from './postal.rules.js';

/** Dossiers received at and returned from a point in a year. */
export async function postalDossierStats(em: EntityManager, pointId: string, year: number): Promise<{ received: number; returned: number }> {
  const links = await postalDossiers(em, pointId, year);
  return { received: links.filter((l) => l.direction === PostalDossierDirection.RECEIVED).length, returned: links.filter((l) => l.direction === PostalDossierDirection.RETURNED).length };
}

/** The dossiers through a point in a year, by time. */
export function postalDossiers(em: EntityManager, pointId: string, year: number): Promise<PostalDossierLink[]> {
  const { start, end } = checkYear(year);
  return em.find(PostalDossierLink, { pointId, at: { $gte: start, $lt: end } }, { orderBy: { at: 'asc', id: 'asc' } });
}

/** The postal points of these units, by name. */
export function postalPointsOf(em: EntityManager, communeIds: string[]): Promise<PostalPoint[]> {
  return em.find(PostalPoint, { communeId: { $in: communeIds } }, { orderBy: { name: 'asc', id: 'asc' } });
}
