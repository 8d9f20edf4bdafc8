import { invalidInput } from '../../core/domain-errors.js';
import { nfc } from '../../core/text.js';
import { todayInVietnam } from '../../core/time.js';
import { deviceNow } from './clock.js';
import { InstallationState } from './equipment-status.js';

/** Checks the install day and note of a cluster or camera against its state. */
export function checkEquipmentFields(
  state: InstallationState,
  installedOn: string | null,
  note: string | null,
): { installedOn: string | null; note: string | null } {
  if (state === InstallationState.PLANNED && installedOn) {
    throw invalidInput('A PLANNED item has no install day yet: leave installedOn out, or set the state to INSTALLED.', 'input.installedOn');
  }
  if (installedOn && installedOn > todayInVietnam(deviceNow())) throw invalidInput('installedOn is in the future: give the day it was installed.', 'input.installedOn');
  const text = note === null ? null : nfc(note) || null;
  if (text && text.length > 500) throw invalidInput('note must be at most 500 characters.', 'input.note');
  return { installedOn, note: text };
}

/**
 * The install day and note after an update: what the input gives (null clears), else what was
 * recorded, except that a move back to PLANNED drops the install day.
 */
export function mergeEquipmentFields(
  state: InstallationState,
  input: { installedOn?: string | null; note?: string | null },
  existing: { installedOn?: string | null; note?: string | null },
): { installedOn: string | null; note: string | null } {
  return checkEquipmentFields(
    state,
    input.installedOn !== undefined ? input.installedOn : state === InstallationState.PLANNED ? null : (existing.installedOn ?? null),
    input.note !== undefined ? input.note : (existing.note ?? null),
  );
}
