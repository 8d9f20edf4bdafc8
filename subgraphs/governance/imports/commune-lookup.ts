import type { EntityManager } from '@mikro-orm/core';
import type { Problem } from '../common/problems.js';
import { AdministrativeUnit, UnitLevel } from '../units/administrative-unit.entity.js';
import { isValidOn } from '../units/unit-registry.js';

/**
 * Finds the commune an import row belongs to: by `communeId` ("05068/1"), or by `communeCode`
 * read at the record's date, since codes are reused (05068 is Nam Thượng in 2021, Hợp Kim in 2026).
 * Loads the communes once per import.
 */
export class CommuneLookup {
  private constructor(private readonly units: AdministrativeUnit[]) {}

  static async load(em: EntityManager): Promise<CommuneLookup> {
    return new CommuneLookup(await em.find(AdministrativeUnit, { level: UnitLevel.COMMUNE }));
  }

  resolve(communeId: string | undefined, communeCode: string | undefined, on: string | undefined, problems: Problem[]): string | undefined {
    if (communeId) {
      const unit = this.units.find((u) => u.id === communeId);
      if (!unit) problems.push({ field: 'communeId', message: `no commune has id "${communeId}".` });
      else if (on && !isValidOn(unit, on)) problems.push({ field: 'communeId', message: `${unit.name} (${unit.id}) did not exist on ${on}.` });
      return unit?.id;
    }
    if (!communeCode) {
      problems.push({ field: 'communeCode', message: 'communeCode (or communeId) is required.' });
      return undefined;
    }
    if (!on) return undefined;
    if (!this.units.length) {
      problems.push({ field: 'communeCode', message: 'the unit registry holds no commune yet: start the hub once (it loads the units) and import again.' });
      return undefined;
    }
    const unit = this.units.find((u) => u.code === communeCode && isValidOn(u, on));
    if (!unit) problems.push({ field: 'communeCode', message: `no commune bore code ${communeCode} on ${on}.` });
    return unit?.id;
  }
}
