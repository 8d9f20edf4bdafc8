import { invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';

/** How long a device may stay silent before it counts as offline, unless registered with its own threshold. */
const DEFAULT_OFFLINE_AFTER_SECONDS = 300;
const MIN_THRESHOLD = 1;
const MAX_THRESHOLD = 86_400;

/** What registering a device needs, checked: exactly one of a cluster or a camera, a label, a silence threshold. */
export function checkDeviceRegistration(input: { clusterId?: string | null; cameraId?: string | null; label: string; offlineAfterSeconds?: number | null }) {
  if (!!input.clusterId === !!input.cameraId) {
    throw invalidInput('Give exactly one of clusterId (a radio receiver) and cameraId (a camera).', input.clusterId ? 'input.cameraId' : 'input.clusterId');
  }
  const label = nfc(input.label);
  if (!label || label.length > 200) throw invalidInput('label must be 1 to 200 characters.', 'input.label');
  const threshold = input.offlineAfterSeconds ?? DEFAULT_OFFLINE_AFTER_SECONDS;
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
    throw invalidInput(`offlineAfterSeconds must be between ${MIN_THRESHOLD} and ${MAX_THRESHOLD}, got ${threshold}.`, 'input.offlineAfterSeconds');
  }
  return { label, offlineAfterSeconds: threshold };
}
