import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { todayInVietnam } from '../../../core/time.js';
import type { Viewer } from '../../shared/roles.js';
import { CONNECTIVITY_MANAGERS, parseCommuneId, requireCommuneRole } from '../access.rules.js';
import { deviceNow } from '../clock.js';
import { checkVillageSurvey } from './connectivity.rules.js';
import type { RecordVillageConnectivityInput } from './connectivity.type.js';
import { VillageConnectivity } from './village-connectivity.entity.js';

/** A village's survey on a day, by the commune's officers; the same village and day again replaces it. */
export async function recordVillageConnectivity(em: EntityManager, viewer: Viewer | null, input: RecordVillageConnectivityInput): Promise<VillageConnectivity> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCommuneRole(viewer, CONNECTIVITY_MANAGERS, communeId, 'record village connectivity');
  const survey = checkVillageSurvey(input, todayInVietnam(deviceNow()));
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(VillageConnectivity, { communeId, villageKey: survey.villageKey, surveyedOn: survey.surveyedOn });
    if (existing) return Object.assign(existing, survey);
    const created = Object.assign(new VillageConnectivity(), { id: randomUUID(), communeId, ...survey });
    tx.persist(created);
    return created;
  });
}
