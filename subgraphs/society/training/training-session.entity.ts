import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { TrainingAudience } from './training.rules.js';

/** A training or digital-skills session (tập huấn) for officials, households or cooperatives. */
@Entity({ tableName: 'training_session' })
@Index({ properties: ['heldOn'] })
export class TrainingSession {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'string', length: 300 })
  organiser!: string;

  /** JSON array of TrainingAudience values. */
  @Property({ type: 'json' })
  audiences!: TrainingAudience[];

  /** JSON array of topics, NFC. */
  @Property({ type: 'json' })
  topics!: string[];

  @Property({ type: 'date' })
  heldOn!: string;

  /** Attendees as reported, when they are not all listed as participants. */
  @Property({ type: 'integer', nullable: true })
  attendeeCount?: number | null;
}
