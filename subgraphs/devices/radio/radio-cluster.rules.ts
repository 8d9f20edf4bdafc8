import { invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';

/** Receivers 0 to 100, loudspeakers 0 to 1000; a count left out (an update) is not checked. */
export function checkCounts(deviceCount: number | null | undefined, loudspeakerCount: number | null | undefined): void {
  if (deviceCount !== null && deviceCount !== undefined && (deviceCount < 0 || deviceCount > 100)) {
    throw invalidInput(`deviceCount must be 0 to 100, got ${deviceCount}.`, 'input.deviceCount');
  }
  if (loudspeakerCount !== null && loudspeakerCount !== undefined && (loudspeakerCount < 0 || loudspeakerCount > 1000)) {
    throw invalidInput(`loudspeakerCount must be 0 to 1000, got ${loudspeakerCount}.`, 'input.loudspeakerCount');
  }
}

export function checkVillage(value: string): string {
  const village = nfc(value);
  if (!village || village.length > 200) throw invalidInput('village must be 1 to 200 characters.', 'input.village');
  return village;
}
