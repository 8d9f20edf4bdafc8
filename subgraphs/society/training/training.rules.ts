import { invalidInput } from '../../../core/domain-errors.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { requireText } from '../common/input-text.js';

export enum TrainingAudience {
  OFFICIALS = 'OFFICIALS',
  HOUSEHOLDS = 'HOUSEHOLDS',
  COOPERATIVES = 'COOPERATIVES',
  RESIDENTS = 'RESIDENTS',
}

/** Who a participant is: an official, or a producer (household or cooperative) of the commerce subgraph. */
export enum ParticipantKind {
  OFFICIAL = 'OFFICIAL',
  HOUSEHOLD = 'HOUSEHOLD',
  COOPERATIVE = 'COOPERATIVE',
}

const PRODUCER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The days [from, to) (yyyy-mm-dd) of a calendar year asked for; the argument is `year`. */
export function trainingYear(year: number): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw invalidInput(`year must be 1990 to 2100, got ${year}.`, 'year');
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** The communes a session was held for: 1 to 20 valid Commune ids, each once, in the order given. */
export function checkSessionCommunes(communeIds: readonly string[]): string[] {
  if (!communeIds.length || communeIds.length > 20) throw invalidInput('Give 1 to 20 communes.', 'input.communeIds');
  return [...new Set(communeIds.map((id, i) => requireCommuneId(id, `input.communeIds.${i}`)))];
}

export interface SessionFields {
  title: string;
  organiser: string;
  audiences: TrainingAudience[];
  topics: string[];
  heldOn: string;
  attendeeCount: number | null;
}

/** Validates a session; `today` bounds the day it was held. */
export function checkSession(
  input: { title: string; organiser: string; audiences: TrainingAudience[]; topics: string[]; heldOn: string; attendeeCount?: number | null },
  today: string,
): SessionFields {
  const title = requireText(input.title, 'input.title', 1, 300);
  const organiser = requireText(input.organiser, 'input.organiser', 1, 300);
  const audiences = Object.values(TrainingAudience).filter((a) => input.audiences.includes(a));
  if (!audiences.length) throw invalidInput(`Give at least one audience: ${Object.values(TrainingAudience).join(', ')}.`, 'input.audiences');
  if (input.topics.length > 30) throw invalidInput('Give at most 30 topics.', 'input.topics');
  const topics = input.topics.map((t, i) => requireText(t, `input.topics.${i}`, 1, 200));
  if (input.heldOn > today) throw invalidInput('heldOn is in the future: record a session once it has been held.', 'input.heldOn');
  const attendeeCount = input.attendeeCount ?? null;
  if (attendeeCount !== null && (!Number.isInteger(attendeeCount) || attendeeCount < 1 || attendeeCount > 100_000)) {
    throw invalidInput(`attendeeCount must be 1 to 100000, got ${attendeeCount}.`, 'input.attendeeCount');
  }
  return { title, organiser, audiences, topics: [...new Set(topics)], heldOn: input.heldOn, attendeeCount };
}

export interface ParticipantFields {
  kind: ParticipantKind;
  producerId: string | null;
}

/** Officials carry no producer id; households and cooperatives must name theirs (Producer.id of commerce). */
export function checkParticipants(participants: readonly { kind: ParticipantKind; producerId?: string | null }[]): ParticipantFields[] {
  if (!participants.length || participants.length > 1000) throw invalidInput('Give 1 to 1000 participants.', 'input.participants');
  const seen = new Set<string>();
  return participants.map((p, i) => {
    const producerId = p.producerId?.trim() || null;
    if (p.kind === ParticipantKind.OFFICIAL) {
      if (producerId) throw invalidInput('An OFFICIAL participant has no producerId.', `input.participants.${i}.producerId`);
      return { kind: p.kind, producerId: null };
    }
    if (!producerId || !PRODUCER_ID.test(producerId)) throw invalidInput(`A ${p.kind} participant needs its Producer.id (1 to 64 letters, digits, . _ : -).`, `input.participants.${i}.producerId`);
    if (seen.has(producerId)) throw invalidInput(`Producer "${producerId}" is listed twice.`, `input.participants.${i}.producerId`);
    seen.add(producerId);
    return { kind: p.kind, producerId };
  });
}
