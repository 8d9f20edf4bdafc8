import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
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
 * fast-jwt signs and verifies with node:crypto's HMAC, synchronously: about 15 µs each, where
 * jose's WebCrypto path cost ~150 µs of CPU per signature and per verification (a tenth of a
 * lookup's CPU at the subgraph, and of each subgraph fetch at the gateway).
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

export function createAssertionSigner(config: HubConfig): AssertionSigner {
  const key = Buffer.from(gatewaySigningKey(config));
  const signers = new Map<string, (claims: Record<string, unknown>) => string>();
  const signerFor = (audience: string) => {
    let signer = signers.get(audience);
    if (!signer) signers.set(audience, (signer = createSigner({ key, algorithm: 'HS256', iss: ISSUER, aud: audience, expiresIn: config.GATEWAY_ASSERTION_TTL * 1000 })));
    return signer;
  };
  return (audience, assertion, body) => {
    const claims: Record<string, unknown> = { rid: assertion.requestId, bh: bodyDigest(body), jti: randomBytes(12).toString('base64url') };
    if (assertion.callerRequestId) claims.crid = assertion.callerRequestId;
    if (assertion.clientAddress) claims.cip = assertion.clientAddress;
    if (assertion.viewer) claims.vw = { sub: assertion.viewer.subject, roles: assertion.viewer.roles, scopes: assertion.viewer.scopes };
    return signerFor(audience)(claims);
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
