import type { SchoolSystem } from './school-system.entity.js';
import { type School, SchoolLevel } from './school.entity.js';

/** Where a school system stands on a day, derived from its milestones. */
export enum SchoolSystemStatus {
  PLANNED = 'PLANNED',
  ACCOUNTS_CREATED = 'ACCOUNTS_CREATED',
  LIVE = 'LIVE',
  RETIRED = 'RETIRED',
}

/** A system's status on `on`, from its milestones. */
export function systemStatusOn(system: Pick<SchoolSystem, 'accountsCreatedOn' | 'liveFrom' | 'retiredOn'>, on: string): SchoolSystemStatus {
  if (system.retiredOn && system.retiredOn <= on) return SchoolSystemStatus.RETIRED;
  if (system.liveFrom && system.liveFrom <= on) return SchoolSystemStatus.LIVE;
  if (system.accountsCreatedOn && system.accountsCreatedOn <= on) return SchoolSystemStatus.ACCOUNTS_CREATED;
  return SchoolSystemStatus.PLANNED;
}

const LEVEL_ORDER = Object.values(SchoolLevel);

/** Schools from preschool up, then by name in Vietnamese order. */
export function bySchoolLevel(a: Pick<School, 'level' | 'name'>, b: Pick<School, 'level' | 'name'>): number {
  return LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name, 'vi');
}
