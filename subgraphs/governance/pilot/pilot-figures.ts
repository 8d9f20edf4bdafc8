import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';

/**
 * The pilot report's figures (DOMAIN.md section 1; source: the Dec 2021 report on the commune-level
 * digital transformation pilot in Hòa Bình). The seed generates individual records whose counts
 * reproduce every number here; the rates the report stated are kept as stated figures.
 */
export const PILOT_REPORT = 'Báo cáo thí điểm chuyển đổi số cấp xã, tỉnh Hòa Bình (12/2021)';

export interface PilotYear {
  communeId: string;
  communeKey: 'namThuong' | 'lienSon';
  year: number;
  documents: { incoming: number; outgoingElectronic: number; outgoingSigned: number };
  dossiers: { received: number; resolvedOnTime: number; resolvedOverdue: number; online: number };
  stated: { signedRate?: { value: number; note?: string }; onlineRate?: { value: number; note?: string } };
}

const NT = PILOT_COMMUNES.namThuong.id;
const LS = PILOT_COMMUNES.lienSon.id;

export const PILOT_YEARS: readonly PilotYear[] = [
  {
    communeId: NT,
    communeKey: 'namThuong',
    year: 2020,
    documents: { incoming: 1147, outgoingElectronic: 0, outgoingSigned: 0 },
    dossiers: { received: 2529, resolvedOnTime: 1669, resolvedOverdue: 2, online: 0 },
    stated: {},
  },
  {
    communeId: NT,
    communeKey: 'namThuong',
    year: 2021,
    documents: { incoming: 1978, outgoingElectronic: 622, outgoingSigned: 610 },
    dossiers: { received: 1964, resolvedOnTime: 1541, resolvedOverdue: 2, online: 411 },
    stated: {
      signedRate: { value: 0.995, note: 'Stated 99.5%; the report\'s own counts give 610 ÷ 622 = 98.07%.' },
      onlineRate: { value: 0.267, note: 'Stated 26.7% = 411 ÷ 1,541 (divided by dossiers resolved on time); 411 ÷ 1,964 received = 20.93%.' },
    },
  },
  {
    communeId: LS,
    communeKey: 'lienSon',
    year: 2020,
    documents: { incoming: 2045, outgoingElectronic: 976, outgoingSigned: 972 },
    dossiers: { received: 2690, resolvedOnTime: 2137, resolvedOverdue: 14, online: 657 },
    stated: { signedRate: { value: 0.996 }, onlineRate: { value: 0.244, note: '657 ÷ 2,690.' } },
  },
  {
    communeId: LS,
    communeKey: 'lienSon',
    year: 2021,
    documents: { incoming: 3177, outgoingElectronic: 2015, outgoingSigned: 2015 },
    dossiers: { received: 2749, resolvedOnTime: 1318, resolvedOverdue: 2, online: 2140 },
    stated: { signedRate: { value: 1 }, onlineRate: { value: 0.778, note: '2,140 ÷ 2,749.' } },
  },
];

/** "Target set by the province and districts for 2021: at least 50% of dossiers submitted online." */
export const PILOT_TARGET = { unitId: '17/1', year: 2021, minimum: 0.5, source: `${PILOT_REPORT}: chỉ tiêu năm 2021 của tỉnh và huyện` };

/**
 * Picks exactly `count` of `total` positions, spread evenly: position i is picked when the running
 * share crosses an integer. Deterministic, no randomness.
 */
export function spread(i: number, count: number, total: number): boolean {
  if (total <= 0) return false;
  return Math.floor(((i + 1) * count) / total) - Math.floor((i * count) / total) === 1;
}
