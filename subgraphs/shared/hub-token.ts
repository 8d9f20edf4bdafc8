import { signToken } from '../../core/auth/tokens.js';
import type { HubConfig } from '../../core/config.js';
import { ROLES, SCOPE_CLAIMS, type Role } from './roles.js';

export interface HubTokenRequest {
  subject: string;
  roles: Role[];
  communeCodes?: string[];
  producerIds?: string[];
  /** GSO province codes (the province_officer role). */
  provinceCodes?: string[];
  /** Lifetime, e.g. "8h", "30d". */
  expiresIn?: string;
}

/** A token of the embedded mode (`hub token`, tests): the hub's roles, scoped to communes and producers. */
export async function signHubToken(config: HubConfig, request: HubTokenRequest): Promise<string> {
  for (const role of request.roles) {
    if (!ROLES.includes(role)) throw new Error(`Unknown role "${role}". Roles: ${ROLES.join(', ')}.`);
  }
  for (const code of request.communeCodes ?? []) {
    if (!/^\d{5}$/.test(code)) throw new Error(`Commune code "${code}" is not a 5-digit GSO commune code.`);
  }
  for (const code of request.provinceCodes ?? []) {
    if (!/^\d{2}$/.test(code)) throw new Error(`Province code "${code}" is not a 2-digit GSO province code.`);
  }
  return signToken(config, {
    subject: request.subject,
    roles: request.roles,
    scopes: {
      [SCOPE_CLAIMS.communes]: request.communeCodes ?? [],
      [SCOPE_CLAIMS.producers]: request.producerIds ?? [],
      ...(request.provinceCodes?.length ? { [SCOPE_CLAIMS.provinces]: request.provinceCodes } : {}),
    },
    expiresIn: request.expiresIn,
  });
}
