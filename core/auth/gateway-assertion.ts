import { createHash, createHmac, createSecretKey, hash, randomBytes, randomUUID } from 'node:crypto';
import { createVerifier, TokenError } from 'fast-jwt';
import { ConfigError, type HubConfig } from '../config.js';
import { readOrCreateSecretFile } from './secret-file.js';
import type { Viewer } from './viewer.js';

/**
 * Subgraphs trust only the gateway. The gateway verifies the caller's token once, then signs each
 * subgraph request with a short-lived JWT (HS256, GATEWAY_SIGNING_KEY) that carries what it
 * verified: the viewer, its own request id (and the caller's, kept apart), the client address, and
 * the SHA-256 of the exact request body. Its audience is the one subgraph it was made for. A
 * subgraph refuses a request without a valid, fresh assertion for itself with 401 before any
 * resolver runs (core/http/gateway-guard.ts), so a caller who reaches a subgraph port directly can
 * neither forge a viewer nor the representations of `_entities`.
 *
 * Signing is node:crypto's HMAC over a compact JWT the gateway writes itself (below); fast-jwt
 * verifies, synchronously: about 15 µs, where jose's WebCrypto path cost ~150 µs of CPU per
 * signature and per verification (a tenth of a lookup's CPU at the subgraph).
 */
export const GATEWAY_ASSERTION_HEADER = 'x-hub-gateway-assertion';

const ISSUER = 'commune-hub/gateway';
export const GATEWAY_KEY_FILE = 'gateway-signing.key';
const KEY_FILE = GATEWAY_KEY_FILE;

/** What the gateway vouches for in one subgraph request. */
export interface GatewayAssertion {
  viewer: Viewer | null;
  /** The gateway's own id for the request (never the caller's). */
  requestId: string;
  /** The `x-request-id` the caller sent, if any: kept for correlation, never trusted as an id. */
  callerRequestId?: string;
  /** The client's address as the gateway determined it (TRUSTED_PROXY_HEADER or the socket). */
  clientAddress?: string;
}

/**
 * The key: GATEWAY_SIGNING_KEY, or outside production a key generated once into the data directory
 * (0600), shared by `npm start`'s gateway and subgraph processes. Production refuses to start
 * without it: every service must be given the same key explicitly.
 */
export function gatewaySigningKey(config: HubConfig): Uint8Array {
  if (config.GATEWAY_SIGNING_KEY) return new TextEncoder().encode(config.GATEWAY_SIGNING_KEY);
  if (config.NODE_ENV === 'production') {
    throw new ConfigError([
      'GATEWAY_SIGNING_KEY: production needs the key the gateway signs subgraph requests with (32+ random characters, the same for the gateway and every subgraph; e.g. `openssl rand -base64 32`)',
    ]);
  }
  return new TextEncoder().encode(embeddedGatewayKey(config.dataDir));
}

/** The generated key as text: the same bytes as GATEWAY_SIGNING_KEY set to the file's content. */
export function embeddedGatewayKey(dataDir: string): string {
  return Buffer.from(readOrCreateSecretFile(dataDir, KEY_FILE)).toString('base64url');
}

export function bodyDigest(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('base64url');
}

export type AssertionSigner = (audience: string, assertion: GatewayAssertion, body: string) => string;

/** The JOSE header of every assertion: HS256, as fast-jwt's verifier on the subgraph side expects. */
const ASSERTION_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Signs assertions as a compact HS256 JWT. The gateway signs one per subgraph call, so this is on
 * the hot path: the key is imported once (a KeyObject, so HMAC does not re-import it per call), the
 * JOSE header is encoded once, and `jti` is a random per-process prefix and a counter instead of
 * fresh random bytes per call (it only has to be unique; nothing checks it). The claims are the
 * ones fast-jwt would write (iat, exp, iss, aud), so the subgraphs' verifier (fast-jwt) is unchanged.
 */
export function createAssertionSigner(config: HubConfig): AssertionSigner {
  const key = createSecretKey(Buffer.from(gatewaySigningKey(config)));
  const ttl = config.GATEWAY_ASSERTION_TTL;
  const jtiPrefix = randomBytes(9).toString('base64url');
  let counter = 0;
  return (audience, assertion, body) => {
    const iat = Math.floor(Date.now() / 1000);
    // crypto.hash is bodyDigest's one-shot form: half the CPU of a Hash object for a short body.
    const claims: Record<string, unknown> = { rid: assertion.requestId, bh: hash('sha256', body, 'base64url'), jti: `${jtiPrefix}${(counter++).toString(36)}` };
    if (assertion.callerRequestId) claims.crid = assertion.callerRequestId;
    if (assertion.clientAddress) claims.cip = assertion.clientAddress;
    if (assertion.viewer) claims.vw = { sub: assertion.viewer.subject, roles: assertion.viewer.roles, scopes: assertion.viewer.scopes };
    claims.iat = iat;
    claims.exp = iat + ttl;
    claims.iss = ISSUER;
    claims.aud = audience;
    const signingInput = `${ASSERTION_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
  };
}

/** Why a subgraph refused a request; the message is safe to show (it names no claim value). */
export class AssertionRefused extends Error {}

export interface VerifiedAssertion extends GatewayAssertion {
  /** SHA-256 (base64url) of the body the gateway signed; the guard compares the body received. */
  bodyDigest: string;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function viewerOf(value: unknown): Viewer | null {
  if (value === undefined) return null;
  const v = value as { sub?: unknown; roles?: unknown; scopes?: unknown };
  if (!v || typeof v.sub !== 'string' || !isStringList(v.roles) || typeof v.scopes !== 'object' || v.scopes === null) throw new AssertionRefused('The gateway assertion carries a malformed viewer.');
  const scopes: Record<string, readonly string[]> = {};
  for (const [claim, list] of Object.entries(v.scopes)) if (isStringList(list)) scopes[claim] = list;
  return { subject: v.sub, roles: v.roles, scopes };
}

export type AssertionVerifier = (header: string | string[] | undefined) => Promise<VerifiedAssertion>;

/** The subgraph's side: only assertions signed with the key, for this subgraph, and fresh. */
export function createAssertionVerifier(config: HubConfig, audience: string): AssertionVerifier {
  const skewMs = config.AUTH_CLOCK_SKEW * 1000;
  const verifyToken = createVerifier({
    key: Buffer.from(gatewaySigningKey(config)),
    algorithms: ['HS256'],
    allowedIss: ISSUER,
    allowedAud: audience,
    requiredClaims: ['exp', 'iat', 'rid', 'bh'],
    // The assertion lives seconds: an older one is a replay, whatever its exp says.
    maxAge: (config.GATEWAY_ASSERTION_TTL + config.AUTH_CLOCK_SKEW) * 1000,
    clockTolerance: skewMs,
  });
  return async (header) => {
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw new AssertionRefused('This subgraph answers only requests signed by the hub gateway: send your query to the gateway.');
    let payload: Record<string, unknown>;
    try {
      payload = verifyToken(token) as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      if (error.code === TokenError.codes.expired) throw new AssertionRefused('The gateway assertion has expired: the request is stale.');
      throw new AssertionRefused(`The gateway assertion was rejected (${error.code}).`);
    }
    // Issued in the future (beyond the clock skew): its maxAge would run from then, so refuse it.
    if (typeof payload.iat !== 'number' || payload.iat * 1000 > Date.now() + skewMs) throw new AssertionRefused('The gateway assertion was rejected (its iat is in the future).');
    if (typeof payload.rid !== 'string' || typeof payload.bh !== 'string') throw new AssertionRefused('The gateway assertion is malformed.');
    return {
      viewer: viewerOf(payload.vw),
      requestId: payload.rid,
      callerRequestId: typeof payload.crid === 'string' ? payload.crid : undefined,
      clientAddress: typeof payload.cip === 'string' ? payload.cip : undefined,
      bodyDigest: payload.bh,
    };
  };
}

/** The gateway's id for a request it received: always its own. */
export function newRequestId(): string {
  return randomUUID();
}
