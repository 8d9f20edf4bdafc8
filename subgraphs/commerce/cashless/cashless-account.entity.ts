import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AccountHolderKind, CashlessAccountKind, PaymentProvider } from './cashless.rules.js';

/**
 * A cashless account opened for an official paid from the state budget or a producer. Holders are
 * an opaque reference (a staff number, a Producer.id): no name, phone or account number is kept.
 */
@Entity({ tableName: 'cashless_account' })
@Unique({ properties: ['communeId', 'holderKind', 'holderRef', 'provider'] })
@Index({ properties: ['communeId', 'openedOn'] })
export class CashlessAccount {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 16 })
  communeId!: string;

  @Enum({ items: () => AccountHolderKind, type: 'string' })
  holderKind!: AccountHolderKind;

  @Property({ type: 'string', length: 64 })
  holderRef!: string;

  @Enum({ items: () => PaymentProvider, type: 'string' })
  provider!: PaymentProvider;

  @Enum({ items: () => CashlessAccountKind, type: 'string' })
  accountKind!: CashlessAccountKind;

  @Property({ type: 'date' })
  openedOn!: string;
}
