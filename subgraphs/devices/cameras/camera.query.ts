import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess } from '../../shared/access-guard.js';
import type { Camera } from './camera.entity.js';

/**
 * The stream URL, by its rule in the access registry (Camera.streamUrl: security of the camera's
 * unit or its successor): read audited, null for anyone else, a refused read of a camera that has
 * one recorded for Commune.refusedDeviceReads.
 */
export async function readStreamUrl(context: SubgraphContext, camera: Camera): Promise<string | null> {
  if (!camera.streamUrl) return null;
  if (!(await readAccess(context, 'Camera.streamUrl', { unitIds: [camera.communeId] }, { target: camera.id, communeId: camera.communeId }))) return null;
  context.logger.info({ audit: 'camera.streamUrl', cameraId: camera.id, subject: context.viewer?.subject }, 'camera stream URL read');
  return camera.streamUrl;
}
