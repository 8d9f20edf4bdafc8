import { GraphQLError } from 'graphql';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { HubConfig } from '../config.js';
import { unauthenticated as unauthenticatedError } from '../domain-errors.js';
import { toGraphQLError } from '../graphql/domain-error-mapping.js';
import { signingSecret, verificationKey, type VerificationKey } from './keys.js';
import type { Viewer } from './viewer.js';

export interface TokenRequest {
  subject: string;
  roles: readonly string[];
  /** String-list claims that scope the roles (see Viewer.scopes). */
  scopes?: Readonly<Record<string, readonly string[]>>;
  /** Lifetime, e.g. "8h", "30d". */
  expiresIn?: string;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_557_600 };

/** "8h", "30d", "90m", "-1s" (tests) in seconds; anything else is refused with a message. */
export function lifetimeSeconds(text: string): number {
  const match = /^(-?\d+)\s*([smhdwy])?$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a lifetime: give a number and a unit, e.g. 30m, 8h or 12h.`);
  return Number(match[1]) * UNIT_SECONDS[match[2] ?? 's'];
}

/**
 * Signs a token with the embedded (or AUTH_SECRET) key; the domain checks roles and scopes first.
 * A lifetime over AUTH_MAX_TOKEN_LIFETIME is refused: the hub would not accept the token anyway.
 */
export async function signToken(config: HubConfig, request: TokenRequest): Promise<string> {
  const lifetime = lifetimeSeconds(request.expiresIn ?? '8h');
  if (lifetime > config.AUTH_MAX_TOKEN_LIFETIME) {
    throw new Error(`A token may live at most ${config.AUTH_MAX_TOKEN_LIFETIME / 3600} h (AUTH_MAX_TOKEN_LIFETIME); "${request.expiresIn}" is longer. Issue a shorter one and a new one when it expires.`);
  }
  if (!request.subject.trim()) throw new Error('A token needs a subject (who it is for): give --subject.');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...request.scopes, roles: request.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(signingSecret(config));
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer | null>;

/** The verifier runs while the HTTP request's context is built, before any resolver: it answers as GraphQL (401). */
const unauthenticated = (message: string) => toGraphQLError(unauthenticatedError(message));

/** Registered claims (RFC 7519) are never scopes, even when an identity provider sends them as lists. */
const REGISTERED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'roles']);

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

function viewerOf(payload: JWTPayload): Viewer {
  const scopes: Record<string, readonly string[]> = {};
  for (const [claim, value] of Object.entries(payload)) {
    const list = REGISTERED_CLAIMS.has(claim) ? null : stringList(value);
    if (list) scopes[claim] = list;
  }
  return { subject: payload.sub as string, roles: stringList(payload.roles) ?? [], scopes };
}

/**
 * Turns an Authorization header into a Viewer. No header: anonymous (null). A header that does not
 * verify: UNAUTHENTICATED, never silently anonymous, so a client with an expired token finds out.
 */
export async function createTokenVerifier(config: HubConfig): Promise<TokenVerifier> {
  const key: VerificationKey = await verificationKey(config);
  // Every token names who it is for and when it ends; the clock may differ a little from the issuer's.
  const options = {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    algorithms: key.algorithms,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: config.AUTH_CLOCK_SKEW,
  };
  return async (authorization) => {
    if (!authorization) return null;
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    try {
      // jwtVerify's overloads take a key or a key-getter; the union needs one call per kind.
      const { payload } = key.kind === 'jwks' ? await jwtVerify(match[1], key.key, options) : await jwtVerify(match[1], key.key, options);
      if (typeof payload.sub !== 'string' || !payload.sub.trim()) throw unauthenticated('The token names no subject (sub): the hub needs to know who is calling, for its audit log.');
      // A token that lives longer than the policy allows is refused, however it was issued.
      const lifetime = (payload.exp as number) - (typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000));
      if (lifetime > config.AUTH_MAX_TOKEN_LIFETIME + config.AUTH_CLOCK_SKEW) {
        throw unauthenticated(`The token lives longer than this hub allows (at most ${config.AUTH_MAX_TOKEN_LIFETIME / 3600} h): get one with a shorter lifetime.`);
      }
      return viewerOf(payload);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof joseErrors.JWTClaimValidationFailed && (error.claim === 'sub' || error.claim === 'exp') && error.reason === 'missing') {
        throw unauthenticated(`The token has no "${error.claim}" claim: the hub accepts only tokens that name their subject and expire.`);
      }
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired: get a new one (hub token, or your identity provider).');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated(`The token was rejected (${error.code}): check that it was issued for this hub.`);
      throw error;
    }
  };
}
