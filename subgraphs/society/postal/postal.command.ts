import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { requireOfficerOf } from '../field-reports/officer-access.rules.js';
import { PostalDossierLink } from './postal-dossier-link.entity.js';
import { PostalPoint } from './postal-point.entity.js';
import { checkDossierId, checkPostalPoint, type PostalDossierDirection, type PostalService } from './postal.rules.js';

/** Adds a postal service point (an officer of the commune). */
export async function addPostalPoint(
  em: EntityManager,
  viewer: Viewer | null,
  input: { communeId: string; name: string; address: string; services: PostalService[]; openingHours: string },
): Promise<PostalPoint> {
  const communeId = requireCommuneId(input.communeId, 'input.communeId');
  requireOfficerOf(viewer, communeId, 'add postal points');
  const point = Object.assign(new PostalPoint(), { id: randomUUID(), communeId, ...checkPostalPoint(input) });
  await em.transactional(async (tx) => {
    tx.persist(point);
  });
  return point;
}

/** Records a dossier received at or returned from a point (an officer of the point's commune); a dossier goes each way once. */
export async function linkPostalDossier(
  em: EntityManager,
  viewer: Viewer | null,
  input: { pointId: string; dossierId: string; direction: PostalDossierDirection; at: Date },
  now: Date,
): Promise<PostalDossierLink> {
  const point = await em.findOne(PostalPoint, { id: input.pointId });
  if (!point) throw notFound(`No postal point has id "${input.pointId}": list them with Commune.postalPoints.`, { field: 'input.pointId' });
  requireOfficerOf(viewer, point.communeId, 'link dossiers to postal points');
  const dossierId = checkDossierId(input.dossierId);
  if (input.at.getTime() > now.getTime()) throw invalidInput('at is in the future: record a dossier once it went through the point.', 'input.at');
  const link = Object.assign(new PostalDossierLink(), { id: randomUUID(), pointId: point.id, dossierId, direction: input.direction, at: input.at });
  await em.transactional(async (tx) => {
    const taken = await tx.findOne(PostalDossierLink, { dossierId, direction: input.direction });
    if (taken) throw conflict(`Dossier "${dossierId}" is already recorded as ${input.direction}.`, { field: 'input.dossierId' });
    tx.persist(link);
  });
  return link;
}
