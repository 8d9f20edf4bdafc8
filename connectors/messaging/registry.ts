import { smsAdapter } from '../sms/index.js';
import { zaloAdapter } from '../zalo/index.js';
import type { ChannelAdapter } from './adapter.js';
import type { MessagingChannel } from './contract.js';

/** Every messaging channel the hub sends announcements through. Adding one: its folder (connectors/<name>/index.ts), and a line here. */
export const CHANNEL_ADAPTERS = [smsAdapter, zaloAdapter] as const;

export type ChannelCode = (typeof CHANNEL_ADAPTERS)[number]['code'];

export const CHANNEL_CODES: readonly ChannelCode[] = CHANNEL_ADAPTERS.map((a) => a.code);

type SettingsOf<A> = A extends ChannelAdapter<string, infer S> ? S : never;
export type ChannelSettings = { [C in ChannelCode]: SettingsOf<Extract<(typeof CHANNEL_ADAPTERS)[number], { code: C }>> };

/** One connected channel per code. */
export function connectChannels(settings: ChannelSettings): Record<ChannelCode, MessagingChannel> {
  return Object.fromEntries(CHANNEL_ADAPTERS.map((adapter) => [adapter.code, (adapter.connect as (s: unknown) => MessagingChannel)(settings[adapter.code])])) as Record<ChannelCode, MessagingChannel>;
}
