/** How a dossier reached the one-stop desk (Decree 42/2022 channels). */
export enum DossierChannel {
  DIRECT = 'DIRECT',
  ONLINE = 'ONLINE',
  POSTAL = 'POSTAL',
}

/**
 * Online public-service level. Before 2022-08-15: level 3 and level 4. From 2022-08-15
 * (Decree 42/2022/NĐ-CP): một phần (PARTIAL) and toàn trình (FULL).
 */
export enum OnlineLevel {
  LEVEL_3 = 'LEVEL_3',
  LEVEL_4 = 'LEVEL_4',
  PARTIAL = 'PARTIAL',
  FULL = 'FULL',
}

/** The first day of the Decree 42/2022 levels (Vietnam calendar). */
export const DECREE_42_FROM = '2022-08-15';

export function onlineLevelsOn(date: string): OnlineLevel[] {
  return date < DECREE_42_FROM ? [OnlineLevel.LEVEL_3, OnlineLevel.LEVEL_4] : [OnlineLevel.PARTIAL, OnlineLevel.FULL];
}

export enum DossierStatus {
  RECEIVED = 'RECEIVED',
  PROCESSING = 'PROCESSING',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  RESOLVED = 'RESOLVED',
  RETURNED = 'RETURNED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
