import { describe, expect, it } from 'vitest';
import { DossierChannel, DossierStatus, OnlineLevel } from '../../../../subgraphs/governance/dossiers/dossier-enums.js';
import { checkDossierDraft, dossierId, toDossier, type DossierDraft } from '../../../../subgraphs/governance/dossiers/dossier.rules.js';

const NOW = new Date('2026-12-01T10:00:00+07:00');
const draft = (change: Partial<DossierDraft> = {}): DossierDraft => ({
  communeId: '05068/2',
  code: 'H55-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  procedureField: 'Hộ tịch',
  channel: DossierChannel.ONLINE,
  onlineLevel: OnlineLevel.FULL,
  receivedAt: new Date('2026-11-02T08:00:00+07:00'),
  dueAt: new Date('2026-11-03T17:00:00+07:00'),
  status: DossierStatus.RECEIVED,
  applicantName: 'Bùi Văn A',
  ...change,
});
const fields = (d: DossierDraft) => checkDossierDraft(d, NOW).map((p) => p.field);

describe('governance: dossier rules', () => {
  it('accepts a consistent dossier', () => {
    expect(checkDossierDraft(draft(), NOW)).toEqual([]);
  });

  it('names each field that breaks a rule, all at once', () => {
    expect(fields(draft({ code: ' ', applicantName: '' }))).toEqual(['code', 'applicantName']);
    expect(fields(draft({ applicantIdNumber: '12', applicantPhone: '12' }))).toEqual(['applicantIdNumber', 'applicantPhone']);
    expect(fields(draft({ dueAt: new Date('2026-11-01T00:00:00+07:00') }))).toEqual(['dueAt']);
    expect(fields(draft({ receivedAt: new Date('2026-12-02T00:00:00+07:00'), dueAt: new Date('2026-12-03T00:00:00+07:00') }))).toEqual(['receivedAt']);
  });

  it('asks an online dossier for the online level of its day: levels 3/4 until 2022-08-14, partial/full from then', () => {
    const before = { receivedAt: new Date('2021-03-15T08:30:00+07:00'), dueAt: new Date('2021-03-16T08:30:00+07:00') };
    expect(fields(draft({ ...before, onlineLevel: OnlineLevel.FULL }))).toEqual(['onlineLevel']);
    expect(fields(draft({ ...before, onlineLevel: OnlineLevel.LEVEL_4 }))).toEqual([]);
    expect(fields(draft({ onlineLevel: OnlineLevel.LEVEL_3 }))).toEqual(['onlineLevel']);
    expect(fields(draft({ channel: DossierChannel.DIRECT, onlineLevel: OnlineLevel.FULL }))).toEqual(['onlineLevel']);
    expect(fields(draft({ channel: DossierChannel.DIRECT, onlineLevel: null }))).toEqual([]);
  });

  it('wants completedAt exactly for a final status, not before receipt and not in the future', () => {
    const completed = { status: DossierStatus.RESOLVED, completedAt: new Date('2026-11-03T09:00:00+07:00') };
    expect(fields(draft(completed))).toEqual([]);
    expect(fields(draft({ status: DossierStatus.RESOLVED }))).toEqual(['completedAt']);
    expect(fields(draft({ completedAt: completed.completedAt }))).toEqual(['completedAt']);
    expect(fields(draft({ ...completed, completedAt: new Date('2026-11-01T09:00:00+07:00') }))).toEqual(['completedAt']);
    expect(fields(draft({ ...completed, completedAt: new Date('2026-12-05T09:00:00+07:00') }))).toEqual(['completedAt']);
  });

  it('stores NFC text and normalised contact data, under an id from the natural key', () => {
    const stored = toDossier(draft({ code: 'H55-0001', applicantPhone: '+84 912 345 678', applicantIdNumber: '017 090 000 001' }));
    expect(stored).toMatchObject({ id: dossierId('05068/2', 'H55-0001'), applicantPhone: '0912345678', applicantIdNumber: '017090000001' });
    expect(dossierId('05068/2', 'H55-0001')).not.toBe(dossierId('05068/1', 'H55-0001'));
  });
});
