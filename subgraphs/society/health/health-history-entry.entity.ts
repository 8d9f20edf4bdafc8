import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** The kinds of entries in part 2 of a Decision 831 record (tiền sử). */
export enum HealthHistoryKind {
  RISK_FACTOR = 'RISK_FACTOR',
  CHRONIC_DISEASE = 'CHRONIC_DISEASE',
  ALLERGY = 'ALLERGY',
  DISABILITY = 'DISABILITY',
  SURGERY = 'SURGERY',
  FAMILY_HISTORY = 'FAMILY_HISTORY',
}

/** One entry of a record's history: a risk factor, disease, allergy, disability, surgery or family history. */
@Entity({ tableName: 'health_history_entry' })
@Index({ properties: ['recordId'] })
export class HealthHistoryEntry {
  @PrimaryKey({ type: 'string', length: 48 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  recordId!: string;

  @Enum({ items: () => HealthHistoryKind, type: 'string' })
  kind!: HealthHistoryKind;

  @Property({ type: 'string', length: 500 })
  description!: string;

  /** ICD-10 code when the entry is a diagnosis, e.g. "I10". */
  @Property({ type: 'string', length: 10, nullable: true })
  icd10Code?: string | null;

  /** Since when (first diagnosis, first exposure); null when unknown. */
  @Property({ type: 'date', nullable: true })
  since?: string | null;
}
