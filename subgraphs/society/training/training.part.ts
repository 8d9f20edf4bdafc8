import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotTraining } from '../seed/pilot-training.js';
import { ProducerReference } from './producer.reference.js';
import { CommuneTrainingResolver, TrainingSessionResolver } from './training.resolver.js';

/** Training and digital-skills sessions, their communes and participants (producers referenced in commerce). */
export const trainingPart: SubgraphPart = {
  resolvers: [TrainingSessionResolver, CommuneTrainingResolver],
  orphanedTypes: [ProducerReference],
  seedPilot: (em) => seedPilotTraining(em),
};
