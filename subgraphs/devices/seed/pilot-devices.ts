import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { Camera, CameraFeed, CameraPurpose } from '../cameras/camera.entity.js';
import { InstallationState } from '../equipment-status.js';
import { RadioCluster } from '../radio/radio-cluster.entity.js';

/**
 * The pilot's equipment (DOMAIN.md section 1, source of Dec 2021). The source gives counts only:
 * - Nam Thượng: 8 devices with 16 loudspeakers installed; 2 more points have only poles (10 planned).
 *   Seeded as 8 INSTALLED clusters of 1 receiver + 2 loudspeakers and 2 PLANNED ones.
 * - Liên Sơn: 3 of 4 clusters in use; the 4th waits because the commune moved its site. Device and
 *   loudspeaker counts are not given: assumed 1 receiver + 2 loudspeakers, as in Nam Thượng.
 * - Cameras feed the IOC and the commune police; counts are not given: one camera per commune at the
 *   People's Committee, with a non-resolvable (.invalid) stream URL.
 * Village names are placeholders ("Điểm 1", ...): the source names none. Install days are unknown (null).
 * Inserted only when missing (by id), so a restart never undoes what officers changed since.
 */
function clusters(communeId: string, code: string, installed: number, planned: number, plannedNote: string): RadioCluster[] {
  return Array.from({ length: installed + planned }, (_, i) => {
    const isPlanned = i >= installed;
    return Object.assign(new RadioCluster(), {
      id: `radio-${code}-${String(i + 1).padStart(2, '0')}`,
      communeId,
      village: `Điểm ${i + 1}`,
      deviceCount: isPlanned ? 0 : 1,
      loudspeakerCount: isPlanned ? 0 : 2,
      state: isPlanned ? InstallationState.PLANNED : InstallationState.INSTALLED,
      installedOn: null,
      note: isPlanned ? plannedNote : null,
    });
  });
}

export const PILOT_RADIO_CLUSTERS: RadioCluster[] = [
  ...clusters(PILOT_COMMUNES.namThuong.id, PILOT_COMMUNES.namThuong.code, 8, 2, 'Poles only; installation expected Jan 2022.'),
  ...clusters(PILOT_COMMUNES.lienSon.id, PILOT_COMMUNES.lienSon.code, 3, 1, 'Waiting: the commune moved its site.'),
];

export const PILOT_CAMERAS: Camera[] = [PILOT_COMMUNES.namThuong, PILOT_COMMUNES.lienSon].map((c) =>
  Object.assign(new Camera(), {
    id: `camera-${c.code}-01`,
    communeId: c.id,
    name: `UBND xã ${c.name}`,
    location: `Trụ sở UBND xã ${c.name}`,
    purpose: CameraPurpose.SECURITY,
    feeds: [CameraFeed.IOC, CameraFeed.POLICE],
    streamUrl: `rtsp://cameras.invalid/${c.code}/ubnd`,
    state: InstallationState.INSTALLED,
    installedOn: null,
    note: 'Placeholder: the source says cameras feed the IOC and the police but gives no count.',
  }),
);

/** Idempotent and deterministic: fixed ids, insert-if-missing. */
export async function seedPilotDevices(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(RadioCluster, PILOT_RADIO_CLUSTERS, { onConflictAction: 'ignore' });
    await tx.upsertMany(Camera, PILOT_CAMERAS, { onConflictAction: 'ignore' });
  });
}
