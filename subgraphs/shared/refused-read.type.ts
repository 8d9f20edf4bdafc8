import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes, PageArgs } from '../../core/graphql/connection.js';
import type { RefusedRead } from './refused-read.entity.js';
import type { RefusedReadFilterInput } from './refused-read.rules.js';

/** What a refused-read node exposes; each subgraph declares the GraphQL type under its own name (`refusedReadTypes`). */
export interface RefusedReadView {
  id: string;
  at: Date;
  subject: string | null;
  roles: string[];
  field: string;
  target: string;
  count: number;
  communeId: string | null;
  requestId: string;
  callerRequestId: string | null;
}

export function toRefusedReadView(row: RefusedRead): RefusedReadView {
  return {
    id: row.id,
    at: row.at,
    subject: row.subject ?? null,
    roles: row.roles ? row.roles.split(',') : [],
    field: row.field,
    target: row.target,
    count: row.count,
    communeId: row.communeId ?? null,
    requestId: row.requestId,
    callerRequestId: row.callerRequestId ?? null,
  };
}

/**
 * The node and connection types of one subgraph's refused-read log. Types are per subgraph
 * (`RefusedRead` in society, `DeviceRefusedRead` in devices) because each log is its own list.
 */
export function refusedReadTypes(name: string, what: string) {
  @ObjectType(name, { description: `A refused read of restricted data (${what}): who tried, with which roles, which field and target, when, under which request; one entry per field and request.` })
  class RefusedReadNode implements RefusedReadView {
    @Field(() => ID, { description: 'Identifier of the log entry.' })
    id!: string;

    @Field(() => Date, { description: 'When the read was refused.' })
    at!: Date;

    @Field(() => String, { nullable: true, description: 'The subject of the caller\'s token; null for an anonymous caller.' })
    subject!: string | null;

    @Field(() => [String], { description: 'The roles the caller\'s token held (empty when anonymous).' })
    roles!: string[];

    @Field(() => String, { description: 'The field refused, "Type.field", e.g. "Query.healthRecord".' })
    field!: string;

    @Field(() => ID, { description: 'The id the read asked for (a record, a report, a camera): the first, when the request was refused the field more than once.' })
    target!: string;

    @Field(() => Int, { description: 'How many reads of the field the request was refused (a list of producers refused their contact is one entry); only the first target is named.' })
    count!: number;

    @Field(() => ID, { nullable: true, description: 'Commune.id of the unit the target belongs to; null when the target does not exist.' })
    communeId!: string | null;

    @Field(() => String, { description: 'The gateway\'s id for the request, to find it in the logs.' })
    requestId!: string;

    @Field(() => String, { nullable: true, description: 'The x-request-id the caller sent, if any: the caller\'s own value, for correlation only.' })
    callerRequestId!: string | null;
  }
  const { ConnectionType } = connectionTypes(RefusedReadNode, name, 'refused read');
  return { RefusedReadNode, RefusedReadConnection: ConnectionType };
}

/** The arguments of a subgraph's hub-wide log (Query.refusedReads and its siblings): a page and a filter. */
@ArgsType()
export class RefusedReadLogArgs extends PageArgs implements RefusedReadFilterInput {
  @Field(() => Date, { nullable: true, description: 'Only reads refused at or after this instant.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only reads refused before this instant (after since).' })
  until?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only this field, "Type.field" as logged, e.g. "Query.healthRecord".' })
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this token subject\'s refusals.' })
  subject?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only refusals of this unit\'s records (Commune.id, exactly: not the units merged into it).' })
  communeId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only the refusals of no unit (an id that does not exist, hub-wide data such as reconciliation), which no Commune log lists. Not with communeId.' })
  withoutCommune?: boolean | null;
}

/** The description of a subgraph's hub-wide log query; `what` names the data its refusals concern. */
export const hubLogDescription = (what: string): string =>
  `Every refused read of ${what}, of every commune and of none (an id that does not exist, hub-wide data such as reconciliation: refusals no Commune log lists), newest first, ` +
  'filtered by time, field, subject and commune: who tried, with which roles, which field and target, when, under which request. Admins only; a refusal is logged too.';
