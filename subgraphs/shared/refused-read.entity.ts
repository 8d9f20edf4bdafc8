import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The audit log of refused reads of restricted data (a health record by id, a reporter's contact, a
 * camera stream URL, a dossier's applicant): who tried, with which roles, which field and target,
 * when, under which request. Each subgraph keeps its own table (`refused_read`) for the fields it
 * owns. One row per refused field per gateway request (the first target refused, and how many were): a
 * list of 100 producers refused their contact is one row of count 100, written with the request's other
 * rows in one insert at its end. The gateway may call a subgraph more than once for one request: a later
 * call's rows add their counts to the row already there (the unique key on request id and field). No
 * value of the target is stored: only ids.
 */
@Entity({ tableName: 'refused_read' })
@Index({ properties: ['communeId', 'at'] })
@Index({ properties: ['at'] })
@Unique({ properties: ['requestId', 'field'] })
export class RefusedRead {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  /** The token subject; null for an anonymous caller. */
  @Property({ type: 'string', length: 200, nullable: true })
  subject?: string | null;

  /** The roles the token held, comma-separated (empty for anonymous). */
  @Property({ type: 'string', length: 200 })
  roles!: string;

  /** The graph field refused, "Type.field" ("Query.healthRecord", "Camera.streamUrl"). */
  @Property({ type: 'string', length: 100 })
  field!: string;

  /** The id the read asked for (a record, a camera, a commune): the first of the request's refusals of the field. */
  @Property({ type: 'string', length: 200 })
  target!: string;

  /** How many reads of the field this request was refused, over all its calls to the subgraph (targets after the first are counted, not named). */
  @Property({ type: 'integer', default: 1 })
  count: number = 1;

  /** The unit the (first) target belongs to, when known (a record by id that does not exist has none). */
  @Property({ type: 'string', length: 16, nullable: true })
  communeId?: string | null;

  /** The gateway's id for the request (never the caller's). */
  @Property({ type: 'string', length: 128 })
  requestId!: string;

  /** The x-request-id the caller sent, kept apart for correlation only. */
  @Property({ type: 'string', length: 128, nullable: true })
  callerRequestId?: string | null;
}
