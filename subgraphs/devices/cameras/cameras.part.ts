import type { SubgraphPart } from '../../../core/subgraph.js';
import { CameraResolver, CommuneCamerasResolver, DeviceCameraResolver } from './camera.resolver.js';

/** Security cameras: where, what for, which centres get the feed; stream URLs for the security role only. */
export const camerasPart: SubgraphPart = {
  resolvers: [CameraResolver, CommuneCamerasResolver, DeviceCameraResolver],
};
