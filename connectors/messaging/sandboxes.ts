/**
 * Starts a sandbox for each messaging channel of the registry: for running them by hand
 * (./run-sandboxes.ts, on each `<CODE>_SANDBOX_PORT`) and for tests (port 0). `settings` point the
 * channels at them, ready for `connectChannels`.
 */
import type { FaultSettings } from '../marketplace/sandbox/faults.js';
import { CHANNEL_ADAPTERS, type ChannelCode, type ChannelSettings } from './registry.js';
import type { MessagingSandbox, MessagingSandboxOptions } from './sandbox/messaging-sandbox.js';

export interface MessagingSandboxesOptions {
  /** Which channels (default all of the registry). */
  codes?: readonly ChannelCode[];
  /** Per channel: the port (default a free one). */
  ports?: Partial<Record<ChannelCode, number>>;
  host?: string;
  faults?: Partial<FaultSettings>;
  options?: Partial<MessagingSandboxOptions>;
  /** Per-request timeout of the channels in `settings` (default 10000 ms). */
  timeoutMs?: number;
}

/** A sandbox per channel started (all of them unless `codes` said otherwise), and the channel settings pointing at them. */
export type MessagingSandboxes = Record<ChannelCode, MessagingSandbox> & { settings: ChannelSettings; close(): Promise<void> };

export async function startMessagingSandboxes(options: MessagingSandboxesOptions = {}): Promise<MessagingSandboxes> {
  const started: [ChannelCode, MessagingSandbox][] = [];
  try {
    for (const adapter of CHANNEL_ADAPTERS.filter((a) => !options.codes || options.codes.includes(a.code))) {
      started.push([adapter.code, await adapter.sandbox.start({ port: options.ports?.[adapter.code] ?? 0, host: options.host, faults: options.faults, options: options.options })]);
    }
  } catch (error) {
    await Promise.all(started.map(([, s]) => s.close()));
    throw error;
  }
  const byCode = Object.fromEntries(started) as Record<ChannelCode, MessagingSandbox>;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    ...byCode,
    settings: Object.fromEntries(started.map(([code, sandbox]) => [code, CHANNEL_ADAPTERS.find((a) => a.code === code)!.sandbox.settingsFor(sandbox.url, timeoutMs)])) as ChannelSettings,
    close: async () => {
      await Promise.all(started.map(([, s]) => s.close()));
    },
  };
}
