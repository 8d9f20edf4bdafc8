import { invalidInput } from '../../../core/domain-errors.js';
import { requireText } from '../common/input-text.js';
import { AudienceKind } from './announcement-enums.js';
import { audienceKey } from './subscriber.rules.js';

/** Long enough for a notice, short enough for a 4-segment SMS with the opt-out line (connectors/sms/wire.ts). */
export const MAX_BODY_CHARS = 400;
export const MAX_AUDIENCE = 50;

export interface AnnouncementFields {
  title: string;
  body: string;
  audienceKind: AudienceKind;
  audience: string[];
}

export function checkAnnouncement(input: { title: string; body: string; audienceKind: AudienceKind; audience?: string[] | null }): AnnouncementFields {
  const title = requireText(input.title, 'input.title', 1, 120);
  const body = requireText(input.body, 'input.body', 1, MAX_BODY_CHARS);
  const given = input.audience ?? [];
  if (input.audienceKind === AudienceKind.EVERYONE) {
    if (given.length) throw invalidInput('An announcement to EVERYONE lists no villages or groups: leave audience out.', 'input.audience');
    return { title, body, audienceKind: input.audienceKind, audience: [] };
  }
  if (!given.length || given.length > MAX_AUDIENCE) throw invalidInput(`Name 1 to ${MAX_AUDIENCE} ${input.audienceKind === AudienceKind.VILLAGES ? 'villages' : 'groups'}.`, 'input.audience');
  const audience = given.map((a, i) => requireText(a, `input.audience.${i}`, 1, 100));
  return { title, body, audienceKind: input.audienceKind, audience };
}

/** Whether a subscriber (its folded village and groups) is in an announcement's audience. */
export function inAudience(subscriber: { villageKey?: string | null; groups: string[] }, kind: AudienceKind, audience: string[]): boolean {
  if (kind === AudienceKind.EVERYONE) return true;
  const keys = new Set(audience.map(audienceKey));
  if (kind === AudienceKind.VILLAGES) return !!subscriber.villageKey && keys.has(subscriber.villageKey);
  return subscriber.groups.some((g) => keys.has(g));
}

/** The text a subscriber receives: the title, the body, and how to stop the messages. */
export function messageText(announcement: { title: string; body: string }, optOutCode: string, optOutUrl: string): string {
  return `${announcement.title}\n${announcement.body}\nNgừng nhận tin: ${optOutUrl}${optOutCode}`;
}
