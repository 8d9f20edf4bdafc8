import { composeSubgraph } from '../../core/subgraph.js';
import { devicesDefinition } from './definition.js';
import { broadcastsPart } from './broadcasts/broadcasts.part.js';
import { camerasPart } from './cameras/cameras.part.js';
import { communePart } from './commune/commune.part.js';
import { connectivityPart } from './connectivity/connectivity.part.js';
import { radioPart } from './radio/radio.part.js';
import { telemetryPart } from './telemetry/telemetry.part.js';
import { videoPart } from './video/video.part.js';

/** Devices as its server runs it: the definition (./definition.ts) and its parts' GraphQL layer. */
export const devices = composeSubgraph(devicesDefinition, [communePart, radioPart, camerasPart, telemetryPart, broadcastsPart, videoPart, connectivityPart]);
