import { conflict, invalidInput } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { startOfVietnamDay } from '../../../core/time.js';

/** The four levels of the government's video-conference network, from the commune up. */
export enum NetworkLevel {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  PROVINCE = 'PROVINCE',
  CENTRAL = 'CENTRAL',
}

export const NETWORK_LEVELS: readonly NetworkLevel[] = [NetworkLevel.COMMUNE, NetworkLevel.DISTRICT, NetworkLevel.PROVINCE, NetworkLevel.CENTRAL];

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const URL_RE = /^https?:\/\/[^\s]+$/i;

export function checkText(value: string, field: string, max: number): string {
  const text = nfc(value);
  if (!text || text.length > max) throw invalidInput(`${field.split('.').pop()} must be 1 to ${max} characters.`, field);
  return text;
}

/** Distinct levels in network order; at least one. */
export function checkLevels(levels: readonly NetworkLevel[], field: string): NetworkLevel[] {
  const set = new Set(levels);
  if (!set.size) throw invalidInput(`Give at least one level the room connects to: ${NETWORK_LEVELS.join(', ')}.`, field);
  return NETWORK_LEVELS.filter((l) => set.has(l));
}

export function checkRecordingUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const url = value.trim();
  if (!URL_RE.test(url) || url.length > 1000) throw invalidInput('recordingUrl must be an http:// or https:// URL of at most 1000 characters.', 'input.recordingUrl');
  return url;
}

/** A time span [start, end) that must be positive and at most 24 hours (a meeting, not a booking of weeks). */
export function checkSpan(start: Date, end: Date, field: string): void {
  if (!(end.getTime() > start.getTime())) throw invalidInput('The end must be after the start.', field);
  if (end.getTime() - start.getTime() > 24 * 3600_000) throw invalidInput('A meeting lasts at most 24 hours.', field);
}

/** Every room must be connected to the meeting's level. */
export function checkRoomsReachLevel(rooms: readonly { id: string; name: string; connectedLevels: NetworkLevel[] }[], level: NetworkLevel): void {
  for (const room of rooms) {
    if (!room.connectedLevels.includes(level)) {
      throw invalidInput(`Room "${room.name}" is not connected to the ${level} level: connect it first (updateVideoRoom) or choose another room.`, 'input.roomIds');
    }
  }
}

/** A room cannot be in two meetings at once. */
export function checkNoOverlap(start: Date, end: Date, others: readonly { id: string; title: string; start: Date; end: Date }[]): void {
  const clash = others.find((o) => o.start < end && start < o.end);
  if (clash) throw conflict(`A room is already booked for "${clash.title}" at that time: pick another time or room.`, { meetingId: clash.id });
}

/** Parses "yyyy-mm" into its first day and the first day of the next month (UTC dates of the Vietnamese calendar). */
export function parseMonth(value: string, field = 'month'): { year: number; month: number } {
  const m = MONTH_RE.exec(value);
  if (!m) throw invalidInput(`month must be written yyyy-mm, e.g. "2021-12", got "${value}".`, field);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** A "yyyy-mm" month as the instants [from, to) of its Asia/Ho_Chi_Minh days, with its year and month number. */
export function monthRange(month: string, field: string): { from: Date; to: Date; year: number; month: number } {
  const { year, month: m } = parseMonth(month, field);
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startOfVietnamDay(`${month}-01`), to: startOfVietnamDay(next), year, month: m };
}

/** Office hours a room is available for meetings: 8 hours on each Monday–Friday of the month (an assumption, see the README). */
export const OFFICE_HOURS_PER_WORKING_DAY = 8;

export function workingDaysInMonth(year: number, month: number): number {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let count = 0;
  for (let d = 1; d <= days; d++) {
    const weekday = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** Minutes of [start, end) inside [from, to). */
export function overlapMinutes(start: Date, end: Date, from: Date, to: Date): number {
  const ms = Math.min(end.getTime(), to.getTime()) - Math.max(start.getTime(), from.getTime());
  return ms > 0 ? Math.round(ms / 60_000) : 0;
}
