import type { z } from 'zod';
import type { MessagingChannel } from './contract.js';
import type { FaultSettings } from '../marketplace/sandbox/faults.js';
import type { MessagingSandbox, MessagingSandboxOptions } from './sandbox/messaging-sandbox.js';

/** Settings every channel has; an adapter adds its credentials. */
export interface ChannelBaseSettings {
  /** The channel's API (or its local sandbox). */
  baseUrl: string;
  /** Per-request timeout (ms). */
  timeoutMs: number;
}

export interface ChannelSandboxStart {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  faults?: Partial<FaultSettings>;
  options?: Partial<MessagingSandboxOptions>;
}

/**
 * One messaging channel, declared once in its folder (`connectors/<name>/index.ts`) and listed in
 * ./registry.ts: its code, variables, settings and the sandbox that speaks its assumed contract.
 */
export interface ChannelAdapter<Code extends string, Settings extends ChannelBaseSettings> {
  /** Upper-case code: the GraphQL `MessagingChannel` value and the prefix of its variables (`SMS_BASE_URL`). */
  readonly code: Code;
  /** For people: "SMS brandname gateway". */
  readonly title: string;
  /** The adapter's own variables without the `<CODE>_` prefix (credentials), defaulting to the sandbox's. */
  readonly variables: z.ZodRawShape;
  settings(base: ChannelBaseSettings, own: Record<string, string>): Settings;
  /** Problems of the settings, each naming its variables (e.g. sandbox credentials against a real URL). */
  rules(settings: Settings, local: boolean): string[];
  connect(settings: Settings): MessagingChannel;
  readonly sandbox: {
    /** Where the sandbox listens by default (`<CODE>_SANDBOX_PORT`). */
    readonly defaultPort: number;
    start(options: ChannelSandboxStart): Promise<MessagingSandbox>;
    /** Connector settings pointing at a running sandbox, with the credentials it accepts. */
    settingsFor(url: string, timeoutMs: number): Settings;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChannelAdapter = ChannelAdapter<string, any>;

/** Keeps the declaration's literal code and settings type for the registry. */
export function defineChannelAdapter<Code extends string, Settings extends ChannelBaseSettings>(adapter: ChannelAdapter<Code, Settings>): ChannelAdapter<Code, Settings> {
  return adapter;
}
