import type { EntityManager } from '@mikro-orm/core';
import { PILOT_COMMUNES } from '../../shared/pilot-communes.js';
import { CashPointMonth } from '../cashless/cash-point-month.entity.js';
import { CashPoint } from '../cashless/cash-point.entity.js';
import { CashlessAccount } from '../cashless/cashless-account.entity.js';
import { AccountHolderKind, CashlessAccountKind, CashPointOperator, PaymentProvider } from '../cashless/cashless.rules.js';
import { CommuneStaffing } from '../cashless/commune-staffing.entity.js';

/**
 * The pilot's cashless payments (DOMAIN.md "Other pilot facts"): Viettel gave every official paid
 * from the state budget in both communes a cashless account, and its cash-in/cash-out points handle
 * 4–5 billion VND a month.
 * ASSUMPTIONS (not in the source): 21 budget-paid officials per commune in 2021 (the ceiling of
 * cadres and civil servants for a type-II commune under Decree 34/2019), staff references
 * "CB-01"…"CB-21", Viettel Money mobile-money accounts opened on 2021-11-01; one Viettel point per
 * commune, at the People's Committee's village, with December 2021 figures that sum to 4.5 billion
 * (the middle of the range): Nam Thượng 1.2 bn in + 0.8 bn out, Liên Sơn 1.4 bn in + 1.1 bn out.
 * Producers' e-wallets (LienVietPostBank opened "many") are not seeded: the source gives no count.
 */
const OFFICIALS = 21;
const COMMUNES = [PILOT_COMMUNES.namThuong, PILOT_COMMUNES.lienSon];
const pad = (n: number) => String(n).padStart(2, '0');
const BILLION = 1_000_000_000;

const staffing = COMMUNES.map((c) =>
  Object.assign(new CommuneStaffing(), { communeId: c.id, year: 2021, budgetPaidOfficials: OFFICIALS, source: 'Assumption: Decree 34/2019 ceiling for a type-II commune' }),
);
const accounts = COMMUNES.flatMap((c) =>
  Array.from({ length: OFFICIALS }, (_, i) =>
    Object.assign(new CashlessAccount(), {
      id: `cashless-${c.code}-cb-${pad(i + 1)}`,
      communeId: c.id,
      holderKind: AccountHolderKind.BUDGET_PAID_OFFICIAL,
      holderRef: `CB-${pad(i + 1)}`,
      provider: PaymentProvider.VIETTEL_MONEY,
      accountKind: CashlessAccountKind.MOBILE_MONEY,
      openedOn: '2021-11-01',
    }),
  ),
);
const points = COMMUNES.map((c) =>
  Object.assign(new CashPoint(), { id: `cashpoint-${c.code}-viettel`, communeId: c.id, operator: CashPointOperator.VIETTEL, name: `Điểm nạp/rút Viettel Money xã ${c.name}`, address: `Trung tâm xã ${c.name}` }),
);
const months = [
  Object.assign(new CashPointMonth(), { cashPointId: `cashpoint-${PILOT_COMMUNES.namThuong.code}-viettel`, month: '2021-12', cashInVnd: 1.2 * BILLION, cashOutVnd: 0.8 * BILLION }),
  Object.assign(new CashPointMonth(), { cashPointId: `cashpoint-${PILOT_COMMUNES.lienSon.code}-viettel`, month: '2021-12', cashInVnd: 1.4 * BILLION, cashOutVnd: 1.1 * BILLION }),
];

/** Idempotent: fixed keys, inserted when missing. */
export async function seedPilotCashless(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.upsertMany(CommuneStaffing, staffing, { onConflictAction: 'ignore' });
    await tx.upsertMany(CashlessAccount, accounts, { onConflictAction: 'ignore' });
    await tx.upsertMany(CashPoint, points, { onConflictAction: 'ignore' });
    await tx.upsertMany(CashPointMonth, months, { onConflictAction: 'ignore' });
  });
}
