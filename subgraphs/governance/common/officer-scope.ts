import type { AccessTarget } from '../../shared/access-rule.js';
import { readAccess, type AuditRef } from '../../shared/access-guard.js';
import { actsForUnit, communeCodesOf, provinceCodesOf, Role } from '../../shared/roles.js';
import { forbidden, invalidInput, unauthenticated } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { AdministrativeUnit, UnitLevel } from '../units/administrative-unit.entity.js';
import { isValidOn, successionsByPredecessor, unitLoader } from '../units/unit-registry.js';

/** Signed in at all: writes and record lists are never anonymous. */
export function requireViewer(context: SubgraphContext) {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

/** True when the caller is an officer of the commune or of its successor today (or an admin): `actsForUnit`. */
export function canActFor(context: SubgraphContext, unit: Pick<AdministrativeUnit, 'id'>): boolean {
  return actsForUnit(context.viewer, Role.OFFICER, unit.id);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the caller is an officer of this commune. */
export function requireOfficerOf(context: SubgraphContext, unit: Pick<AdministrativeUnit, 'id' | 'code' | 'name'>): void {
  const viewer = requireViewer(context);
  if (!canActFor(context, unit)) {
    const codes = communeCodesOf(viewer);
    const scope = codes.length ? `communes ${codes.join(', ')}` : 'no commune';
    throw forbidden(`Only an officer of ${unit.name} (${unit.code}) may do this; your token acts for ${scope}. Ask for a token of that commune.`);
  }
}

/** The codes of the commune's province and of every province that inherited it (17 → 25 for Hòa Bình's communes). */
async function provinceCodesCovering(context: SubgraphContext, provinceId: string | null | undefined): Promise<string[]> {
  const codes: string[] = [];
  const seen = new Set<string>();
  let frontier = provinceId ? [provinceId] : [];
  while (frontier.length) {
    const units = await unitLoader(context).loadMany(frontier.filter((id) => !seen.has(id)));
    frontier.forEach((id) => seen.add(id));
    for (const unit of units) if (unit && !(unit instanceof Error)) codes.push(unit.code);
    const links = await successionsByPredecessor(context).loadMany(frontier);
    frontier = links.flatMap((l) => (l instanceof Error ? [] : l.map((s) => s.successorId))).filter((id) => !seen.has(id));
  }
  return codes;
}

/** A commune's record as an access target: its unit, and its province's codes (loaded only for a provincial token). */
function recordTarget(context: SubgraphContext, unit: Pick<AdministrativeUnit, 'id' | 'provinceId'>): AccessTarget {
  return { unitIds: [unit.id], provinceCodes: () => provinceCodesCovering(context, unit.provinceId) };
}

/** Fields of a commune's register that answer null to a caller who may not read them. */
type NullableRecordField = 'Dossier.applicant' | 'Dossier.history';

/**
 * True when the caller may read this field of the commune's records (ACCESS_RULES: its officer, an
 * admin, or a provincial officer of its province or of the province that inherited it).
 */
export async function canRead(context: SubgraphContext, unit: Pick<AdministrativeUnit, 'id' | 'provinceId'>, field: NullableRecordField, ref: AuditRef): Promise<boolean> {
  return readAccess(context, field, recordTarget(context, unit), ref);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the caller may read this field of the commune's records (ACCESS_RULES). */
export async function requireReaderOf(
  context: SubgraphContext,
  unit: Pick<AdministrativeUnit, 'id' | 'code' | 'name' | 'provinceId'>,
  field: 'Query.dossier' | 'Commune.dossiers' | 'Query.document' | 'Commune.documents',
  ref: AuditRef = { target: unit.id, communeId: unit.id },
): Promise<void> {
  const communes = communeCodesOf(context.viewer);
  const provinces = provinceCodesOf(context.viewer);
  const scope = [communes.length ? `communes ${communes.join(', ')}` : '', provinces.length ? `provinces ${provinces.join(', ')}` : ''].filter(Boolean).join(' and ') || 'no commune';
  const message = context.viewer ? `Only officers of ${unit.name} (${unit.code}) or of its province may read this; your token acts for ${scope}. Ask for a token of that commune or province.` : undefined;
  await readAccess(context, field, recordTarget(context, unit), ref, message);
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
