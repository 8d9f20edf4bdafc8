import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, VndScalar } from '../../../core/graphql/scalars.js';
import { CashPoint } from './cash-point.entity.js';
import { AccountHolderKind, CashlessAccountKind, CashPointOperator, PaymentProvider } from './cashless.rules.js';

registerEnumType(AccountHolderKind, {
  name: 'AccountHolderKind',
  description: 'Who a cashless account was opened for.',
  valuesConfig: {
    BUDGET_PAID_OFFICIAL: { description: 'A commune official paid from the state budget (on or off the permanent staff).' },
    PRODUCER: { description: 'A producer (household or cooperative).' },
  },
});
registerEnumType(PaymentProvider, {
  name: 'PaymentProvider',
  description: 'Who provides the account.',
  valuesConfig: {
    VIETTEL_MONEY: { description: 'Viettel Money.' },
    VNPT_MONEY: { description: 'VNPT Money.' },
    LPBANK: { description: 'LPBank (formerly LienVietPostBank; its ViViet e-wallet).' },
    OTHER_BANK: { description: 'Another bank or wallet.' },
  },
});
registerEnumType(CashlessAccountKind, {
  name: 'CashlessAccountKind',
  description: 'Kind of account.',
  valuesConfig: {
    MOBILE_MONEY: { description: 'Mobile money on a phone subscription.' },
    E_WALLET: { description: 'An e-wallet.' },
    BANK_ACCOUNT: { description: 'A bank payment account.' },
  },
});
registerEnumType(CashPointOperator, {
  name: 'CashPointOperator',
  description: 'Who runs a cash-in/cash-out point.',
  valuesConfig: {
    VIETTEL: { description: 'Viettel (Viettel Money points of sale).' },
    VNPT: { description: 'VNPT.' },
    VIETNAM_POST: { description: 'Vietnam Post offices.' },
    OTHER: { description: 'Another operator.' },
  },
});

@ObjectType({ description: 'Cashless payments in a commune in a year: counts only, public.' })
@Directive(PART_OF_PARENT)
export class CashlessStats {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'budgetPaidOfficials = officials paid from the state budget that year, as recorded; null if not recorded.' })
  budgetPaidOfficials!: number | null;

  @Field(() => Int, { description: 'officialsWithAccount = distinct budget-paid officials with a cashless account opened by 31 December of the year.' })
  officialsWithAccount!: number;

  @Field(() => Float, { nullable: true, description: 'officialAccountShare = officialsWithAccount ÷ budgetPaidOfficials, 3 decimals, at most 1; null without budgetPaidOfficials.' })
  officialAccountShare!: number | null;

  @Field(() => Int, { description: 'producerAccounts = producers\' accounts (e-wallets, bank accounts) opened by 31 December of the year.' })
  producerAccounts!: number;

  @Field(() => Int, { description: 'cashPoints = cash-in/cash-out points recorded.' })
  cashPoints!: number;
}

@ObjectType({ description: 'What cash points handled in a month.' })
@Directive(PART_OF_PARENT)
export class CashPointThroughput {
  @Field(() => String, { description: 'The month, yyyy-mm.' })
  month!: string;

  @Field(() => VndScalar, { description: 'cashInVnd = cash turned into e-money.' })
  cashInVnd!: number;

  @Field(() => VndScalar, { description: 'cashOutVnd = e-money paid out as cash.' })
  cashOutVnd!: number;

  @Field(() => VndScalar, { description: 'totalVnd = cashInVnd + cashOutVnd.' })
  totalVnd!: number;

  @Field(() => Int, { description: 'reportingPoints = points with figures for the month.' })
  reportingPoints!: number;
}

@ObjectType('CashPoint', { description: 'A cash-in/cash-out point (điểm nạp/rút tiền).' })
export class CashPointType {
  @Field(() => ID, { description: 'Point id.' })
  id!: string;

  @Field(() => CashPointOperator, { description: 'Operator.' })
  operator!: CashPointOperator;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'Address.' })
  address!: string;
}

@InputType({ description: 'How many officials a commune paid from the state budget in a year.' })
export class SetBudgetPaidOfficialsInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => Int, { description: 'Year, 1990 to 2100.' })
  year!: number;

  @Field(() => Int, { description: 'Officials, 1 to 10000.' })
  budgetPaidOfficials!: number;

  @Field(() => String, { description: 'Where the figure comes from, 1 to 300 characters.' })
  source!: string;
}

@InputType({ description: 'A cashless account opened.' })
export class RecordCashlessAccountInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => AccountHolderKind, { description: 'Official or producer.' })
  holderKind!: AccountHolderKind;

  @Field(() => String, { description: 'An opaque staff number, or the Producer.id (never a name or phone).' })
  holderRef!: string;

  @Field(() => PaymentProvider, { description: 'Provider.' })
  provider!: PaymentProvider;

  @Field(() => CashlessAccountKind, { description: 'Kind of account.' })
  accountKind!: CashlessAccountKind;

  @Field(() => DateScalar, { description: 'Day opened, not in the future.' })
  openedOn!: string;
}

@InputType({ description: 'A new cash-in/cash-out point.' })
export class AddCashPointInput {
  @Field(() => ID, { description: 'Commune.id.' })
  communeId!: string;

  @Field(() => CashPointOperator, { description: 'Operator.' })
  operator!: CashPointOperator;

  @Field(() => String, { description: 'Name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'Address, 1 to 500 characters.' })
  address!: string;
}

@InputType({ description: 'What a point handled in a month; recording the month again replaces it.' })
export class RecordCashPointMonthInput {
  @Field(() => ID, { description: 'The point.' })
  cashPointId!: string;

  @Field(() => String, { description: 'Month, yyyy-mm, not in the future.' })
  month!: string;

  @Field(() => VndScalar, { description: 'Cash in, whole đồng.' })
  cashInVnd!: number;

  @Field(() => VndScalar, { description: 'Cash out, whole đồng.' })
  cashOutVnd!: number;
}

@ObjectType({ description: 'The commune\'s cashless figures for the year concerned, after the change.' })
export class CashlessStatsPayload {
  @Field(() => CashlessStats, { description: 'The figures.' })
  cashless!: CashlessStats;
}

@ObjectType({ description: 'The point as it now stands.' })
export class CashPointPayload {
  @Field(() => CashPointType, { description: 'The point.' })
  cashPoint!: CashPoint;
}
