import { invalidInput } from '../../core/domain-errors.js';
import { parseCommuneId } from './commune-id.js';

/** Which rows of a refused-read log to list; every part is optional and they combine (and). */
export interface RefusedReadFilter {
  /** Rows refused at or after this instant. */
  since?: Date;
  /** Rows refused before this instant. */
  until?: Date;
  /** Rows of this field ("Type.field"). */
  field?: string;
  /** Rows of this token subject. */
  subject?: string;
  /** Rows of these units (Commune.id), exactly. */
  communeIds?: readonly string[];
  /** Only rows with no unit (reconciliation, an id that does not exist). */
  withoutCommune?: boolean;
}

/** What a caller asks the hub-wide log for: the arguments of Query.refusedReads and its siblings. */
export interface RefusedReadFilterInput {
  since?: Date | null;
  until?: Date | null;
  field?: string | null;
  subject?: string | null;
  communeId?: string | null;
  withoutCommune?: boolean | null;
}

/** Checks the arguments of a hub-wide log query and gives the filter they ask for. */
export function refusedReadFilter(input: RefusedReadFilterInput): RefusedReadFilter {
  const { since, until, field, subject, communeId, withoutCommune } = input;
  if (since && until && until.getTime() <= since.getTime()) throw invalidInput(`until (${until.toISOString()}) must be after since (${since.toISOString()}): the rows listed are those refused in [since, until).`, 'until');
  if (communeId && withoutCommune) throw invalidInput('Ask for one commune (communeId) or for the rows with none (withoutCommune: true), not both.', 'withoutCommune');
  if (field !== undefined && field !== null && !/^[A-Z][A-Za-z0-9_]*\.[a-z_][A-Za-z0-9_]*$/.test(field)) throw invalidInput(`field is "Type.field" as logged, e.g. "Query.healthRecord"; got "${field.slice(0, 100)}".`, 'field');
  return {
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(field ? { field } : {}),
    ...(subject ? { subject } : {}),
    ...(communeId ? { communeIds: [parseCommuneId(communeId, 'communeId')] } : {}),
    ...(withoutCommune ? { withoutCommune: true } : {}),
  };
}
