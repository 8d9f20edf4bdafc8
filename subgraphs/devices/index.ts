import { composeSubgraph } from '../../core/subgraph.js';
import { broadcastsPart } from './broadcasts/broadcasts.part.js';
import { camerasPart } from './cameras/cameras.part.js';
import { communePart } from './commune/commune.part.js';
import { connectivityPart } from './connectivity/connectivity.part.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { radioPart } from './radio/radio.part.js';
import { telemetryPart } from './telemetry/telemetry.part.js';
import { videoPart } from './video/video.part.js';

/** Devices: smart-radio loudspeaker clusters, broadcasts, cameras, device heartbeats and uptime, village connectivity, the IT inventory, video conferencing. */
export const devices = composeSubgraph('devices', { sqlite, postgresql }, [communePart, radioPart, camerasPart, telemetryPart, broadcastsPart, videoPart, connectivityPart]);
