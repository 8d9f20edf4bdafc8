import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ParticipantKind } from './training.rules.js';

/**
 * Someone trained at a session. Producers (owned by the commerce subgraph) are referenced by id only;
 * no name or contact is kept here, so the list holds no personal data.
 */
@Entity({ tableName: 'training_participant' })
@Unique({ properties: ['sessionId', 'producerId'] })
@Index({ properties: ['producerId'] })
export class TrainingParticipant {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  sessionId!: string;

  @Enum({ items: () => ParticipantKind, type: 'string' })
  kind!: ParticipantKind;

  /** Producer.id (commerce) for households and cooperatives; null for officials. */
  @Property({ type: 'string', length: 64, nullable: true })
  producerId?: string | null;
}
