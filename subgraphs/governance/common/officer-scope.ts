import { actsForCommune, communeCodesOf, Role } from '../../shared/roles.js';
import { forbidden, invalidInput, unauthenticated } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { AdministrativeUnit, UnitLevel } from '../units/administrative-unit.entity.js';
import { isValidOn, unitLoader } from '../units/unit-registry.js';

/** Signed in at all: writes and record lists are never anonymous. */
export function requireViewer(context: SubgraphContext) {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

/** True when the caller is an officer of the commune (or an admin). */
export function canActFor(context: SubgraphContext, unit: Pick<AdministrativeUnit, 'code'>): boolean {
  return actsForCommune(context.viewer, Role.OFFICER, unit.code);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the caller is an officer of this commune. */
export function requireOfficerOf(context: SubgraphContext, unit: Pick<AdministrativeUnit, 'code' | 'name'>): void {
  const viewer = requireViewer(context);
  if (!canActFor(context, unit)) {
    const codes = communeCodesOf(viewer);
    const scope = codes.length ? `communes ${codes.join(', ')}` : 'no commune';
    throw forbidden(`Only an officer of ${unit.name} (${unit.code}) may do this; your token acts for ${scope}. Ask for a token of that commune.`);
  }
}

/**
 * The commune a write names, checked: it exists, the caller is its officer, and the record's date
 * falls within the unit's validity (a record dated 2026 cannot belong to Nam Thượng, which ended on
 * 2025-06-30: record it under the successor).
 */
export async function communeForWrite(context: SubgraphContext, communeId: string, recordDate: string, field: string, dateField: string): Promise<AdministrativeUnit> {
  requireViewer(context);
  const unit = await unitLoader(context).load(communeId);
  if (!unit || unit.level !== UnitLevel.COMMUNE) {
    throw invalidInput(`No commune has id "${communeId}": give a Commune.id such as "05068/1" (see the commune query).`, field);
  }
  requireOfficerOf(context, unit);
  if (!isValidOn(unit, recordDate)) {
    throw invalidInput(
      `${unit.name} (${unit.id}) existed ${unit.validFrom ?? '…'} to ${unit.validTo ?? 'today'}; a record dated ${recordDate} cannot belong to it. Record it under the unit that existed then.`,
      dateField,
    );
  }
  return unit;
}
