import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../core/graphql/connection.js';
import type { RefusedRead } from './refused-read.entity.js';

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
