import { z } from 'zod';
import { readOrCreateSecretFile } from '../../../core/auth/secret-file.js';
import { defineConfigSection, type HubConfig } from '../../../core/config.js';
import { ConfigError } from '../../../core/config-section.js';
import { createSecretBox, parseSecretKey, type SecretBox } from '../../../core/crypto/secret-box.js';

export interface ShopSettings {
  /** COMMERCE_TOKEN_KEY: the key shop tokens are sealed with (null: the generated development key). */
  tokenKey: Buffer | null;
  /** COMMERCE_TOKEN_PREVIOUS_KEYS: keys of a rotation, still opening the tokens they sealed. */
  previousKeys: Buffer[];
  /** Where a marketplace sends the seller back after the authorisation (the commerce subgraph's /shops/callback, as the public reaches it). */
  callbackUrl: string;
  /**
   * A producer without a shop connection: 'shared' publishes through the marketplace-wide
   * credential (the sandbox's own shop; development only unless set explicitly), 'none' fails
   * its listings with "connect the shop first".
   */
  fallback: 'shared' | 'none';
  /** Refresh an access token this long before it expires (default 10 min; a tenth of a shorter lifetime). */
  refreshMarginMs: number;
  /** How often the sync worker looks for idle connections to refresh (0: never); each wait is jittered ±20%. */
  idleRefreshMs: number;
  /** An idle connection is refreshed once its refresh token would run out within this (voso: 30 days without use). */
  idleRefreshWindowMs: number;
}

const key = z
  .string()
  .optional()
  .superRefine((value, ctx) => {
    if (!value) return;
    try {
      parseSecretKey(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

export const shopSettings = defineConfigSection(
  'commerce shops',
  {
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    COMMERCE_TOKEN_KEY: key,
    COMMERCE_TOKEN_PREVIOUS_KEYS: z.string().default(''),
    COMMERCE_SHOP_CALLBACK_URL: z.string().url().default('http://127.0.0.1:4004/shops/callback'),
    COMMERCE_SHOP_FALLBACK: z.enum(['shared', 'none']).optional(),
    COMMERCE_SHOP_REFRESH_MARGIN_MS: z.coerce.number().int().min(0).default(600_000),
    COMMERCE_SHOP_IDLE_REFRESH_MS: z.coerce.number().int().min(0).default(3_600_000),
    COMMERCE_SHOP_IDLE_REFRESH_WINDOW_MS: z.coerce.number().int().min(60_000).default(7 * 24 * 3_600_000),
  },
  (v): ShopSettings => {
    const production = v.NODE_ENV === 'production';
    if (production && !v.COMMERCE_TOKEN_KEY) {
      throw new ConfigError(['COMMERCE_TOKEN_KEY: production needs the key marketplace shop tokens are encrypted with (32 random bytes, e.g. `openssl rand -base64 32`); the generated key is for development only']);
    }
    let previousKeys: Buffer[];
    try {
      previousKeys = v.COMMERCE_TOKEN_PREVIOUS_KEYS.split(',').filter((k) => k.trim()).map(parseSecretKey);
    } catch (error) {
      throw new ConfigError([`COMMERCE_TOKEN_PREVIOUS_KEYS: ${(error as Error).message} (comma-separated)`]);
    }
    return {
      tokenKey: v.COMMERCE_TOKEN_KEY ? parseSecretKey(v.COMMERCE_TOKEN_KEY) : null,
      previousKeys,
      callbackUrl: v.COMMERCE_SHOP_CALLBACK_URL,
      fallback: v.COMMERCE_SHOP_FALLBACK ?? (production ? 'none' : 'shared'),
      refreshMarginMs: v.COMMERCE_SHOP_REFRESH_MARGIN_MS,
      idleRefreshMs: v.COMMERCE_SHOP_IDLE_REFRESH_MS,
      idleRefreshWindowMs: v.COMMERCE_SHOP_IDLE_REFRESH_WINDOW_MS,
    };
  },
);

const DEV_KEY_FILE = 'commerce-token.key';

/** The box shop tokens are sealed in: COMMERCE_TOKEN_KEY, or outside production a key generated once into the data directory. */
export function shopSecretBox(config: HubConfig): SecretBox {
  const settings = config.get(shopSettings);
  return createSecretBox(settings.tokenKey ?? Buffer.from(readOrCreateSecretFile(config.dataDir, DEV_KEY_FILE)), settings.previousKeys);
}
