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

/** Signs a token with the embedded (or AUTH_SECRET) key; the domain checks roles and scopes first. */
export async function signToken(config: HubConfig, request: TokenRequest): Promise<string> {
  return new SignJWT({ ...request.scopes, roles: request.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
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
  return { subject: payload.sub ?? 'unknown', roles: stringList(payload.roles) ?? [], scopes };
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
      return viewerOf(payload);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired: get a new one (hub token, or your identity provider).');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated(`The token was rejected (${error.code}): check that it was issued for this hub.`);
      throw error;
    }
  };
}
