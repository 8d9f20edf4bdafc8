import { Entity, Index, PrimaryKey } from '@mikro-orm/core';

/** A commune a session was held for (one session can serve several communes). */
@Entity({ tableName: 'training_session_commune' })
@Index({ properties: ['communeId'] })
export class TrainingSessionCommune {
  @PrimaryKey({ type: 'string', length: 64 })
  sessionId!: string;

  @PrimaryKey({ type: 'string', length: 16 })
  communeId!: string;
}
