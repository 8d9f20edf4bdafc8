import type { z } from 'zod';
import type { MarketplaceConnector } from './contract.js';
import type { ListingLimits } from './listing-limits.js';
import type { ShopAuthorization } from './shop-auth.js';
import type { FaultInjector, FaultSettings } from './sandbox/faults.js';
import type { PlaceOrderInput, SandboxOrderStatus } from './sandbox/order-book.js';

/** Settings every connector has; an adapter adds its credentials. */
export interface ConnectorBaseSettings {
  /** The marketplace's API (or its local sandbox). */
  baseUrl: string;
  /** Per-request timeout (ms). */
  timeoutMs: number;
  /** Open sockets to the marketplace. */
  maxSockets?: number;
  /** The longest the marketplace takes to apply a create (ms); default three times `timeoutMs`. */
  slowestCreateMs?: number;
}

/**
 * A marketplace that pushes events (webhooks) about listings changed on its side. The hub verifies
 * each push (marketplace/webhook-signature.ts: HMAC over timestamp and body, replay window) and then
 * re-reads the listings it names: a push is a hint to audit now, never trusted for the values.
 */
export interface MarketplaceEvents<Settings> {
  /** The secret the marketplace signs pushes with (one of the adapter's variables). */
  webhookSecret(settings: Settings): string;
  /** Header carrying the push's Unix-seconds timestamp. */
  readonly timestampHeader: string;
  /** Header carrying the hex HMAC-SHA256 (optionally `sha256=`-prefixed). */
  readonly signatureHeader: string;
  /** The listings a verified push names; null when the body is not the marketplace's event shape. */
  parse(body: unknown): { externalId: string; sellerSku: string | null }[] | null;
}

/** What every sandbox offers tests and demos, whatever its marketplace. */
export interface RunningSandbox {
  url: string;
  port: number;
  faults: FaultInjector;
  state: { listingCountBySku(): Map<string, number>; duplicateSkus(): string[]; liveDuplicateSkus(): string[] };
  placeOrder(input: PlaceOrderInput): unknown;
  setOrderStatus(orderId: string, status: SandboxOrderStatus): unknown;
  /** Sandboxes that push (`events`): where pushes go from now on, registered once the receiver's address is known. */
  setWebhookUrl?(url: string): void;
  close(): Promise<void>;
}

export interface SandboxStartOptions<Options> {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  faults?: Partial<FaultSettings>;
  /** The adapter's own sandbox options, from its `<CODE>_SANDBOX_*` variables or a test. */
  options?: Partial<Options>;
  /** A folder to keep the sandbox's listings and orders in across restarts (one JSON file per sandbox); none: in memory only. */
  stateDir?: string;
  /** Where the sandbox pushes signed listing events, for marketplaces that push (`events`); none: no pushes. */
  webhookUrl?: string;
}

/**
 * One marketplace, declared once in its folder (`connectors/<name>/index.ts`) and listed in
 * ./registry.ts. Everything per-marketplace derives from these declarations: the code union, the
 * connector settings and their variables, the sandbox starters, the sync rate settings and the
 * GraphQL `Marketplace` enum.
 */
export interface MarketplaceAdapter<Code extends string, Settings extends ConnectorBaseSettings, Sandbox extends RunningSandbox, SandboxOptions = object> {
  /** Upper-case code: the GraphQL enum value, the prefix of the adapter's variables (`VOSO_BASE_URL`). */
  readonly code: Code;
  /** For people: "voso.vn, Viettel Post" (the GraphQL enum's description, the start banner). */
  readonly title: string;
  /** What the marketplace accepts in a listing: the hub refuses a change breaking one before queueing it. */
  readonly limits: ListingLimits;
  /** The adapter's own variables, without the `<CODE>_` prefix (credentials), defaulting to the sandbox's. */
  readonly variables: z.ZodRawShape;
  /** The connector settings from the common ones and the adapter's own variables. */
  settings(base: ConnectorBaseSettings, own: Record<string, string>): Settings;
  /**
   * Rules the settings must follow; each problem names its variables. E.g. a base URL away from the
   * sandbox with the sandbox's credentials is a half-done switch.
   */
  rules(settings: Settings, local: boolean): string[];
  /** A connector speaking the marketplace's API; each call makes a new one (own sockets, own token cache). */
  connect(settings: Settings): MarketplaceConnector;
  /** Declared by marketplaces that push listing events; the others are only audited on a schedule. */
  readonly events?: MarketplaceEvents<Settings>;
  /**
   * How a producer's own shop authorises the hub, and a connector acting for that shop
   * (./shop-auth.ts). Without it the marketplace has one shop for the whole hub (the connector above).
   */
  readonly shops?: ShopAuthorization<Settings>;
  readonly sandbox: {
    /** Where `npm start` runs it: `<CODE>_SANDBOX_PORT`, by default this. */
    readonly defaultPort: number;
    /** The sandbox's own variables, without the `<CODE>_SANDBOX_` prefix (e.g. postmart's MODERATION_MS). */
    readonly variables?: z.ZodRawShape;
    options?(values: Record<string, unknown>): Partial<SandboxOptions>;
    start(options: SandboxStartOptions<SandboxOptions>): Promise<Sandbox>;
    /** Connector settings pointing at a running sandbox, with the credentials it accepts. */
    settingsFor(url: string, timeoutMs: number): Settings;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMarketplaceAdapter = MarketplaceAdapter<string, any, RunningSandbox, any>;

/** Keeps the declaration's literal types (its code, its settings and sandbox types) for the registry. */
export function defineMarketplaceAdapter<Code extends string, Settings extends ConnectorBaseSettings, Sandbox extends RunningSandbox, SandboxOptions = object>(
  adapter: MarketplaceAdapter<Code, Settings, Sandbox, SandboxOptions>,
): MarketplaceAdapter<Code, Settings, Sandbox, SandboxOptions> {
  return adapter;
}
