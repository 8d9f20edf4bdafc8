import type { EntityManager } from '@mikro-orm/core';

/** A per-commune, per-month summary table and how to recount it from its source rows. */
export interface MonthSummary {
  /** The command group: `hub <group> rebuild-summary`. */
  group: string;
  groupDescription: string;
  table: string;
  /** What reads it and what it is recounted from, for the command's help. */
  description: string;
  /** Replaces every row with a recount; called inside the transaction (loading its store then). */
  rebuild(tx: EntityManager): Promise<void>;
}
