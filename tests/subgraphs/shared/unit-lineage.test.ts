import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../core/auth/viewer.js';
import { communeScope, communeReferenceResolver, CommuneReference } from '../../../subgraphs/shared/commune.reference.js';
import { actsForUnit, Role } from '../../../subgraphs/shared/roles.js';
import { unitLineage } from '../../../subgraphs/shared/unit-lineage.js';

const staff = (role: Role, code: string): Viewer => ({ subject: `${role}-${code}`, roles: [role], scopes: { communes: [code] } });
const AFTER = '2026-12-02';
const BEFORE = '2025-06-30';

class TestCommune extends CommuneReference {}

describe('shared: every subgraph\'s own copy of the communes\' lineage', () => {
  it('gives the pilot units governance\'s ids, end dates and predecessors (DOMAIN.md section 2)', () => {
    const lineage = unitLineage();
    expect(lineage.unit('05068/1')).toEqual({ id: '05068/1', code: '05068', validFrom: null, validTo: '2025-06-30' });
    expect(lineage.unit('05068/2')).toEqual({ id: '05068/2', code: '05068', validFrom: '2025-07-01', validTo: null });
    expect(lineage.unit('05035/1')?.validTo).toBe('2025-06-30');
    expect(lineage.lineageOf('05068/2')).toEqual(['05068/2', '05035/1', '05068/1', '05080/1']);
    // Cao Sơn went partly into the new Liên Sơn: its records are the new Liên Sơn's too (and 04924's).
    expect(lineage.lineageOf('04960/2')).toEqual(['04960/2', '04957/1', '04960/1', '04969/1']);
    expect(lineage.lineageOf('04924/2')).toContain('04957/1');
    expect(lineage.unitBearing('05068', AFTER)?.id).toBe('05068/2');
    expect(lineage.unitBearing('05068', BEFORE)?.id).toBe('05068/1');
    expect(lineage.unitBearing('04969', AFTER)).toBeUndefined();
  });

  it('ignores the lineage a representation carries: a forged list covers nothing more', () => {
    const resolve = communeReferenceResolver(TestCommune);
    const forged = resolve({ id: '04969/1', lineageIds: ['05068/1', '05035/1'] } as { id: string });
    expect(communeScope(forged)).toEqual(['04969/1']);
    expect(communeScope(resolve({ id: '99998/1' }))).toEqual(['99998/1']);
  });
});

describe('shared: who acts for a unit\'s records (actsForUnit, the one policy)', () => {
  it('the successor\'s staff act for every predecessor\'s records, not the other way round', () => {
    const hopKim = staff(Role.HEALTH_STAFF, '05068');
    for (const unit of ['05068/2', '05068/1', '05035/1', '05080/1']) expect(actsForUnit(hopKim, Role.HEALTH_STAFF, unit, AFTER)).toBe(true);
    expect(actsForUnit(hopKim, Role.HEALTH_STAFF, '04969/1', AFTER)).toBe(false);
    expect(actsForUnit(staff(Role.HEALTH_STAFF, '04960'), Role.HEALTH_STAFF, '04969/1', AFTER)).toBe(true);
    expect(actsForUnit(staff(Role.HEALTH_STAFF, '04960'), Role.HEALTH_STAFF, '05068/1', AFTER)).toBe(false);
  });

  it('a defunct unit\'s token acts for nothing after the unit\'s end date, and for itself before it', () => {
    const kimLap = staff(Role.SECURITY, '05035');
    const oldLienSon = staff(Role.HEALTH_STAFF, '04969');
    for (const unit of ['05035/1', '05068/2', '05068/1']) expect(actsForUnit(kimLap, Role.SECURITY, unit, AFTER)).toBe(false);
    for (const unit of ['04969/1', '04960/2']) expect(actsForUnit(oldLienSon, Role.HEALTH_STAFF, unit, AFTER)).toBe(false);
    expect(actsForUnit(kimLap, Role.SECURITY, '05035/1', BEFORE)).toBe(true);
    expect(actsForUnit(kimLap, Role.SECURITY, '05068/1', BEFORE)).toBe(false);
  });

  it('needs the role, knows no unit the registry does not, and admins act everywhere', () => {
    expect(actsForUnit(staff(Role.OFFICER, '05068'), Role.HEALTH_STAFF, '05068/2', AFTER)).toBe(false);
    expect(actsForUnit(staff(Role.OFFICER, '99998'), Role.OFFICER, '99998/1', AFTER)).toBe(false);
    expect(actsForUnit(null, Role.OFFICER, '05068/2', AFTER)).toBe(false);
    expect(actsForUnit({ subject: 'a', roles: [Role.ADMIN], scopes: {} }, Role.HEALTH_STAFF, '05035/1', AFTER)).toBe(true);
  });
});
