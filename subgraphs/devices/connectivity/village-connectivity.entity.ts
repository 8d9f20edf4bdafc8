import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { CoverageEntry } from './connectivity.rules.js';

/**
 * One survey of one village (thôn, xóm, bản): which operators cover it with which mobile
 * generations, and whether fixed broadband reaches it. A village keeps its history: a new survey
 * is a new row, and reads as of a day take each village's latest survey on or before it.
 */
@Entity({ tableName: 'village_connectivity' })
@Unique({ properties: ['communeId', 'villageKey', 'surveyedOn'] })
@Index({ properties: ['communeId', 'surveyedOn'] })
export class VillageConnectivity {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  /** Commune.id (owned by governance). */
  @Property({ type: 'string', length: 16 })
  communeId!: string;

  /** Village name, NFC. */
  @Property({ type: 'string', length: 200 })
  village!: string;

  /** foldForSearch(village): "Thôn 1" and "thôn 1" are one village. */
  @Property({ type: 'string', length: 200 })
  villageKey!: string;

  /** Operators and generations covering the village, as a JSON array of { operator, generation }. */
  @Property({ type: 'json' })
  coverage!: CoverageEntry[];

  @Property({ type: 'boolean' })
  fixedBroadband!: boolean;

  @Property({ type: 'date' })
  surveyedOn!: string;

  /** Who surveyed or reported it (an operator, the department, a report), NFC. */
  @Property({ type: 'string', length: 300 })
  source!: string;
}
