import { invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';

export enum ItEquipmentKind {
  DESKTOP_COMPUTER = 'DESKTOP_COMPUTER',
  LAPTOP = 'LAPTOP',
  PRINTER = 'PRINTER',
  SCANNER = 'SCANNER',
  NETWORK_SWITCH = 'NETWORK_SWITCH',
  ROUTER = 'ROUTER',
  FIREWALL = 'FIREWALL',
  WIFI_ACCESS_POINT = 'WIFI_ACCESS_POINT',
  UPS = 'UPS',
  SERVER = 'SERVER',
  OTHER = 'OTHER',
}

export enum ItEquipmentStatus {
  IN_USE = 'IN_USE',
  SPARE = 'SPARE',
  FAULTY = 'FAULTY',
  RETIRED = 'RETIRED',
}

export interface ItEquipmentFields {
  description: string;
  count: number;
  acquiredOn: string | null;
  note: string | null;
}

/** Validates an inventory line; `today` bounds the acquisition day. */
export function checkItEquipment(input: { description: string; count: number; acquiredOn: string | null; note: string | null }, today: string): ItEquipmentFields {
  const description = nfc(input.description);
  if (!description || description.length > 200) throw invalidInput('description must be 1 to 200 characters.', 'input.description');
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > 10_000) throw invalidInput(`count must be 1 to 10000, got ${input.count}.`, 'input.count');
  if (input.acquiredOn && input.acquiredOn > today) throw invalidInput('acquiredOn is in the future: give the day it was acquired.', 'input.acquiredOn');
  const note = input.note === null ? null : nfc(input.note) || null;
  if (note && note.length > 500) throw invalidInput('note must be at most 500 characters.', 'input.note');
  return { description, count: input.count, acquiredOn: input.acquiredOn, note };
}
