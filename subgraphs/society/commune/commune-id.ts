import { badUserInput } from '../../../core/errors.js';

const COMMUNE_ID = /^\d{5}\/\d{1,3}$/;

/** The GSO code part of a Commune.id ("05068/1" → "05068"): tokens scope roles by code. */
export function communeCodeOf(communeId: string): string {
  return communeId.split('/')[0];
}

/** Validates the shape of a Commune.id given in an input (society cannot check that it exists). */
export function requireCommuneId(value: string, field: string): string {
  const id = value.trim();
  if (!COMMUNE_ID.test(id)) throw badUserInput(`"${value}" is not a Commune.id: give "<GSO code>/<n>", e.g. "05068/1".`, field);
  return id;
}
