import { signToken } from '../../core/auth/tokens.js';
import type { HubConfig } from '../../core/config.js';
import { ROLES, SCOPE_CLAIMS, type Role } from './roles.js';

export interface HubTokenRequest {
  subject: string;
  roles: Role[];
  communeCodes?: string[];
  producerIds?: string[];
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
  return signToken(config, {
    subject: request.subject,
    roles: request.roles,
    scopes: { [SCOPE_CLAIMS.communes]: request.communeCodes ?? [], [SCOPE_CLAIMS.producers]: request.producerIds ?? [] },
    expiresIn: request.expiresIn,
  });
}
