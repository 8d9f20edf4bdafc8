import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { HubConfig } from '../config.js';
import { unauthenticated } from '../errors.js';
import { signingSecret, verificationKey, type VerificationKey } from './keys.js';
import { Role, ROLES, type Viewer } from './roles.js';

export interface TokenRequest {
  subject: string;
  roles: Role[];
  communeCodes?: string[];
  producerIds?: string[];
  /** Lifetime, e.g. "8h", "30d". */
  expiresIn?: string;
}

export async function signToken(config: HubConfig, request: TokenRequest): Promise<string> {
  for (const role of request.roles) {
    if (!ROLES.includes(role)) throw new Error(`Unknown role "${role}". Roles: ${ROLES.join(', ')}.`);
  }
  for (const code of request.communeCodes ?? []) {
    if (!/^\d{5}$/.test(code)) throw new Error(`Commune code "${code}" is not a 5-digit GSO commune code.`);
  }
  return new SignJWT({ roles: request.roles, communes: request.communeCodes ?? [], producers: request.producerIds ?? [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(signingSecret(config));
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer | null>;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Turns an Authorization header into a Viewer. No header: anonymous (null). A header that does not
 * verify: UNAUTHENTICATED, never silently anonymous, so a client with an expired token finds out.
 */
export async function createTokenVerifier(config: HubConfig): Promise<TokenVerifier> {
  const key: VerificationKey = await verificationKey(config);
  const options = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, algorithms: key.algorithms };
  return async (authorization) => {
    if (!authorization) return null;
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    try {
      // jwtVerify's overloads take a key or a key-getter; the union needs one call per kind.
      const { payload } = key.kind === 'jwks' ? await jwtVerify(match[1], key.key, options) : await jwtVerify(match[1], key.key, options);
      const roles = stringList(payload.roles).filter((r): r is Role => ROLES.includes(r as Role));
      return {
        subject: payload.sub ?? 'unknown',
        roles,
        communeCodes: stringList(payload.communes),
        producerIds: stringList(payload.producers),
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired: get a new one (hub token, or your identity provider).');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated(`The token was rejected (${error.code}): check that it was issued for this hub.`);
      throw error;
    }
  };
}
