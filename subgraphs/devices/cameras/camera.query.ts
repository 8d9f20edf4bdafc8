import type { SubgraphContext } from '../../../core/graphql/context.js';
import { recordRefusedRead } from '../../shared/refused-read.store.js';
import { actsForCommuneId, STREAM_VIEWERS } from '../access.rules.js';
import type { Camera } from './camera.entity.js';

/**
 * The stream URL for the security role of the camera's commune (audited), null for anyone else;
 * a refused read of a camera that has one is recorded for Commune.refusedDeviceReads.
 */
export async function readStreamUrl(context: SubgraphContext, camera: Camera): Promise<string | null> {
  if (!actsForCommuneId(context.viewer, STREAM_VIEWERS, camera.communeId)) {
    if (camera.streamUrl) await recordRefusedRead(context, { field: 'Camera.streamUrl', target: camera.id, communeId: camera.communeId });
    return null;
  }
  if (camera.streamUrl) context.logger.info({ audit: 'camera.streamUrl', cameraId: camera.id, subject: context.viewer?.subject }, 'camera stream URL read');
  return camera.streamUrl ?? null;
}
