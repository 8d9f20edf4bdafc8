import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';

@ObjectType('HealthRecordRead', { description: 'One entry of the health-record audit log: who read which record, when, and through which field.' })
export class HealthRecordReadNode {
  @Field(() => ID, { description: 'Identifier of the log entry.' })
  id!: string;

  @Field(() => ID, { description: 'HealthRecord.id of the record that was read.' })
  recordId!: string;

  @Field(() => String, { description: 'Who read it: the subject of the reader\'s token.' })
  readerSubject!: string;

  @Field(() => [String], { description: 'The roles the reader\'s token held.' })
  readerRoles!: string[];

  @Field(() => Date, { description: 'When it was read.' })
  readAt!: Date;

  @Field(() => String, { description: 'The graph field that returned the record, e.g. "Commune.healthRecords" or "Query.healthRecord".' })
  via!: string;

  @Field(() => String, { description: 'Request id of the read (x-request-id), to find it in the logs.' })
  requestId!: string;
}

export const { ConnectionType: HealthRecordReadConnection } = connectionTypes(HealthRecordReadNode, 'HealthRecordRead', 'health-record read');
