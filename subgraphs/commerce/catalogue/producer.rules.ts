import { invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';

/** A producer's name: trimmed, NFC, 2–200 characters. */
export function producerName(value: string, field: string): string {
  const name = nfc(value.trim());
  const length = [...name].length;
  if (length < 2 || length > 200) throw invalidInput(`A producer's name must be 2 to 200 characters (has ${length}).`, field);
  return name;
}

/** A Commune.id: the GSO code and the unit's generation, e.g. "05068/2". */
export function communeIdOf(value: string, field: string): string {
  const id = value.trim();
  if (!/^\d{5}\/\d{1,3}$/.test(id)) throw invalidInput(`"${value}" is not a Commune.id: give the GSO code and generation, e.g. "05068/2".`, field);
  return id;
}

/** A member's account id (token `sub`): printable, 1–200 characters. */
export function memberSubject(value: string, field: string): string {
  const subject = value.trim();
  if (subject.length < 1 || subject.length > 200 || [...subject].some((c) => c.charCodeAt(0) < 0x20)) throw invalidInput('A member\'s account id must be 1 to 200 printable characters.', field);
  return subject;
}

export function memberName(value: string | null | undefined, field: string): string {
  const name = nfc((value ?? '').trim());
  if (name.length < 1 || name.length > 200) throw invalidInput('Give the member\'s name (1 to 200 characters).', field);
  return name;
}
