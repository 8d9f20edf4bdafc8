import { foldForSearch } from '../../../core/text.js';
import { startOfVietnamDay } from '../../../core/time.js';
import type { Examination } from '../health/examination.entity.js';
import { HealthHistoryKind, type HealthHistoryEntry } from '../health/health-history-entry.entity.js';
import { Sex, type HealthRecord } from '../health/health-record.entity.js';
import type { Vaccination } from '../health/vaccination.entity.js';
import { addDays, daysBetween } from '../common/calendar-days.js';
import { SeededRandom, stableId } from './random.js';

/**
 * Generates a commune's health records the way the pilot left them (DOMAIN.md: "Nam Thượng health
 * station entered health records for every resident", by Dec 2021). The source gives no person-level
 * data, so every record is synthetic: plausible names of a Mường-majority commune, an age pyramid of
 * rural Hòa Bình, the expanded-immunisation schedule by birth year, COVID-19 doses of late 2021, and
 * the initial examination made when the record was opened. No identifier (CCCD, BHYT, phone) is
 * generated, so no seeded record can match a real person's number.
 */
export interface GeneratedRecords {
  records: HealthRecord[];
  history: HealthHistoryEntry[];
  vaccinations: Vaccination[];
  examinations: Examination[];
}

export interface CommuneHealthSeed {
  communeId: string;
  communeCode: string;
  stationName: string;
  /** How many residents have a record. */
  residents: number;
  villages: readonly string[];
  /** Share of residents of Mường ethnicity; the rest are Kinh. */
  muongShare: number;
  /** Records were opened between these dates. */
  openedFrom: string;
  openedTo: string;
}

const FAMILY_NAMES = [['Bùi', 34], ['Đinh', 18], ['Quách', 10], ['Xa', 4], ['Nguyễn', 16], ['Hoàng', 5], ['Trần', 5], ['Lê', 4], ['Phạm', 4]] as const;
const MALE_MIDDLE = [['Văn', 70], ['Đức', 8], ['Minh', 8], ['Quang', 7], ['Xuân', 7]] as const;
const FEMALE_MIDDLE = [['Thị', 75], ['Thu', 6], ['Ngọc', 6], ['Thanh', 7], ['Hồng', 6]] as const;
const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Mạnh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh'];
const FEMALE_GIVEN = ['Anh', 'Chi', 'Dung', 'Hà', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Thảo', 'Thúy', 'Trang', 'Vân', 'Yến'];
const BLOOD_TYPES = [['O+', 42], ['B+', 30], ['A+', 21], ['AB+', 6], ['O-', 1]] as const;
const EXAMINERS = ['Bác sĩ trạm y tế', 'Y sĩ đa khoa trạm y tế', 'Điều dưỡng trạm y tế'];
const REFERENCE_DAY = '2021-12-01';

/** Rural Hòa Bình's pyramid, roughly: flat to 45, thinning to 95. */
function age(random: SeededRandom): number {
  for (;;) {
    const candidate = random.int(0, 95);
    const keep = candidate <= 45 ? 1 : (95 - candidate) / 50;
    if (random.chance(keep)) return candidate;
  }
}

function childVaccines(birthDate: string): [string, number, number][] {
  const year = Number(birthDate.slice(0, 4));
  // [vaccine, dose, age in days]: the EPI schedule (Tiêm chủng mở rộng) by birth cohort.
  if (year >= 2010) {
    return [
      ['Viêm gan B sơ sinh', 1, 0], ['BCG', 1, 7],
      ['DPT-VGB-Hib (5 trong 1)', 1, 60], ['DPT-VGB-Hib (5 trong 1)', 2, 90], ['DPT-VGB-Hib (5 trong 1)', 3, 120],
      ['OPV (bại liệt uống)', 1, 60], ['OPV (bại liệt uống)', 2, 90], ['OPV (bại liệt uống)', 3, 120],
      ['Sởi', 1, 270], ['Sởi - Rubella (MR)', 1, 540],
    ];
  }
  if (year >= 1996) {
    return [['BCG', 1, 7], ['DPT', 1, 60], ['DPT', 2, 90], ['DPT', 3, 120], ['OPV (bại liệt uống)', 1, 60], ['OPV (bại liệt uống)', 2, 90], ['OPV (bại liệt uống)', 3, 120], ['Sởi', 1, 270]];
  }
  return [];
}

function recordId(seed: CommuneHealthSeed, n: number): string {
  return stableId(`society:health-record:${seed.communeId}:${n}`);
}

/** The ids the seed gives a commune's records, without generating them. */
export function seededRecordIds(seed: CommuneHealthSeed): string[] {
  return Array.from({ length: seed.residents }, (_, i) => recordId(seed, i + 1));
}

export function generateHealthRecords(seed: CommuneHealthSeed): GeneratedRecords {
  const random = new SeededRandom(`society:health:${seed.communeId}`);
  const out: GeneratedRecords = { records: [], history: [], vaccinations: [], examinations: [] };
  const openedSpan = daysBetween(seed.openedFrom, seed.openedTo);
  for (let n = 1; n <= seed.residents; n++) {
    const sex = random.chance(0.5) ? Sex.MALE : Sex.FEMALE;
    const years = age(random);
    const birthDate = addDays(REFERENCE_DAY, -(years * 365 + random.int(0, 364)));
    const family = random.weighted(FAMILY_NAMES);
    const middle = random.weighted(sex === Sex.MALE ? MALE_MIDDLE : FEMALE_MIDDLE);
    const fullName = `${family} ${middle} ${random.pick(sex === Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN)}`;
    const openedOn = addDays(seed.openedFrom, random.int(0, openedSpan));
    const openedAt = new Date(startOfVietnamDay(openedOn).getTime() + random.int(7 * 60, 16 * 60) * 60_000);
    const id = recordId(seed, n);
    out.records.push({
      id,
      communeId: seed.communeId,
      recordNumber: `${seed.communeCode}-${String(n).padStart(6, '0')}`,
      fullName,
      fullNameSearch: foldForSearch(fullName),
      sex,
      birthDate,
      ethnicity: random.chance(seed.muongShare) ? 'Mường' : 'Kinh',
      village: random.pick(seed.villages),
      citizenId: null,
      healthInsuranceNumber: null,
      phone: null,
      bloodType: random.chance(0.4) ? random.weighted(BLOOD_TYPES) : null,
      createdAt: openedAt,
      updatedAt: openedAt,
    });

    const history: Omit<HealthHistoryEntry, 'id' | 'recordId'>[] = [];
    const adult = years >= 18;
    let hypertension = false;
    if (adult && sex === Sex.MALE && random.chance(0.38)) history.push({ kind: HealthHistoryKind.RISK_FACTOR, description: 'Hút thuốc lá, thuốc lào', icd10Code: null, since: null });
    if (adult && sex === Sex.MALE && random.chance(0.18)) history.push({ kind: HealthHistoryKind.RISK_FACTOR, description: 'Uống rượu bia thường xuyên', icd10Code: null, since: null });
    if (years >= 40 && random.chance(0.04 + (years - 40) * 0.006)) {
      hypertension = true;
      history.push({ kind: HealthHistoryKind.CHRONIC_DISEASE, description: 'Tăng huyết áp', icd10Code: 'I10', since: addDays(birthDate, (years - random.int(1, Math.min(15, years - 39))) * 365) });
    }
    if (years >= 40 && random.chance(0.05)) history.push({ kind: HealthHistoryKind.CHRONIC_DISEASE, description: 'Đái tháo đường typ 2', icd10Code: 'E11', since: addDays(birthDate, (years - random.int(1, 8)) * 365) });
    if (years >= 50 && random.chance(0.04)) history.push({ kind: HealthHistoryKind.CHRONIC_DISEASE, description: 'Bệnh phổi tắc nghẽn mạn tính', icd10Code: 'J44', since: null });
    if (random.chance(0.03)) history.push({ kind: HealthHistoryKind.ALLERGY, description: random.pick(['Dị ứng penicillin', 'Dị ứng hải sản', 'Dị ứng thuốc giảm đau nhóm NSAID']), icd10Code: null, since: null });
    if (random.chance(0.015)) history.push({ kind: HealthHistoryKind.DISABILITY, description: random.pick(['Khuyết tật vận động', 'Khuyết tật nghe', 'Khuyết tật nhìn']), icd10Code: null, since: null });
    if (adult && random.chance(0.03)) history.push({ kind: HealthHistoryKind.SURGERY, description: random.pick(['Mổ ruột thừa', 'Mổ sỏi mật', 'Mổ lấy thai']), icd10Code: null, since: null });
    if (random.chance(0.06)) history.push({ kind: HealthHistoryKind.FAMILY_HISTORY, description: random.pick(['Bố/mẹ tăng huyết áp', 'Bố/mẹ đái tháo đường', 'Người nhà mắc lao phổi']), icd10Code: null, since: null });
    history.forEach((entry, k) => out.history.push({ ...entry, id: `${id}:h${k + 1}`, recordId: id }));

    const doses: [string, number, string][] = childVaccines(birthDate)
      .map(([vaccine, dose, atDays]): [string, number, string] => [vaccine, dose, addDays(birthDate, atDays + random.int(0, 20))])
      .filter(([, , on]) => on < openedOn);
    if (years >= 18 && random.chance(0.88)) {
      const vaccine = random.chance(0.6) ? 'COVID-19 (AstraZeneca)' : 'COVID-19 (Vero Cell)';
      const first = addDays('2021-08-01', random.int(0, 60));
      doses.push([vaccine, 1, first]);
      if (random.chance(0.85)) doses.push([vaccine, 2, addDays(first, vaccine.includes('Vero') ? 28 : 56)]);
    } else if (years >= 12 && years < 18 && random.chance(0.6)) {
      doses.push(['COVID-19 (Pfizer)', 1, addDays('2021-11-05', random.int(0, 25))]);
    }
    doses.forEach(([vaccine, dose, givenOn], k) => out.vaccinations.push({ id: `${id}:v${k + 1}`, recordId: id, vaccine, dose, givenOn, place: seed.stationName }));

    const heightCm = years >= 18 ? (sex === Sex.MALE ? random.int(156, 174) : random.int(146, 162)) : Math.round(50 + Math.min(years, 17) * 6.5 + random.int(-4, 4));
    const weightKg = years >= 18 ? Math.round((heightCm - 100) * (0.8 + random.next() * 0.3) * 10) / 10 : Math.round((3.2 + Math.min(years, 17) * 2.8 + random.next() * 3) * 10) / 10;
    const systolic = adult ? (hypertension ? random.int(140, 170) : random.int(100, 135)) : null;
    out.examinations.push({
      id: `${id}:e1`,
      recordId: id,
      examinedOn: openedOn,
      examiner: `${random.pick(EXAMINERS)}, ${seed.stationName}`,
      reason: 'Khám sức khỏe lập hồ sơ ban đầu',
      conclusion: hypertension ? 'Tăng huyết áp, theo dõi và điều trị ngoại trú' : 'Sức khỏe bình thường',
      icd10Code: hypertension ? 'I10' : null,
      heightCm,
      weightKg,
      bloodPressure: systolic ? `${systolic}/${systolic - random.int(35, 50)}` : null,
    });
  }
  return out;
}
