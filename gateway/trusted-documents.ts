import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ErrorCode } from '../core/errors.js';
import { sendRefusal, type RequestRefusal } from '../core/http/request-refusals.js';

/**
 * Trusted documents (persisted operations): the operations a production frontend was built with,
 * registered ahead of time in an Apollo persisted query manifest
 * (https://www.apollographql.com/docs/graphos/platform/security/persisted-queries#manifest-format),
 * e.g. from `@apollo/generate-persisted-query-manifest`. Clients send `extensions.persistedQuery`
 * with the operation's id instead of its text. In `enforce` mode nothing else runs.
 */
export interface TrustedDocuments {
  /** Body of each registered operation, by its id (and by the sha256 of its body). */
  bodies: ReadonlyMap<string, string>;
  names: readonly string[];
  enforce: boolean;
}

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().optional(),
      type: z.enum(['query', 'mutation', 'subscription']).optional(),
      body: z.string().min(1),
    }),
  ),
});

export class TrustedDocumentsError extends Error {
  constructor(file: string, reason: string) {
    super(`TRUSTED_DOCUMENTS_MANIFEST ${file}: ${reason}`);
    this.name = 'TrustedDocumentsError';
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads and checks a manifest; a broken manifest stops the gateway at start, naming the problem. */
export function loadTrustedDocuments(file: string, mode: 'allow' | 'enforce'): TrustedDocuments {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TrustedDocumentsError(file, (error as Error).message);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrustedDocumentsError(file, `${issue.path.join('.') || 'manifest'}: ${issue.message} (expected the Apollo persisted query manifest format, version 1)`);
  }
  const bodies = new Map<string, string>();
  for (const operation of parsed.data.operations) {
    bodies.set(operation.id, operation.body);
    bodies.set(sha256(operation.body), operation.body);
  }
  const names = parsed.data.operations.flatMap((o) => (o.name ? [o.name] : []));
  return { bodies, names, enforce: mode === 'enforce' };
}

/**
 * The store behind Apollo Server's persisted queries: registered operations first, then (unless
 * enforcing) what clients registered through APQ, in a size-bounded LRU cache. `false` turns
 * persisted queries off (APQ_CACHE_MB=0 and no manifest).
 */
export function persistedQueryStore(options: { cacheMb: number; trusted?: TrustedDocuments }): { cache: KeyValueCache<string> } | false {
  const { trusted } = options;
  const apq = options.cacheMb > 0 && !trusted?.enforce ? new InMemoryLRUCache<string>({ maxSize: Math.round(options.cacheMb * 1024 * 1024) }) : undefined;
  if (!trusted && !apq) return false;
  const cache: KeyValueCache<string> = {
    async get(hash) {
      return trusted?.bodies.get(hash) ?? apq?.get(hash);
    },
    async set(hash, query, setOptions) {
      await apq?.set(hash, query, setOptions);
    },
    async delete(hash) {
      return (await apq?.delete(hash)) ?? false;
    },
  };
  // Keys are the operations' own hashes: nothing else shares this cache, so no prefix is needed.
  return { cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(cache) };
}

function persistedHash(extensions: unknown): string | undefined {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** The refusal of an operation that is not in the manifest (enforce mode). */
/** An operation that is not in the manifest, refused in enforce mode (400 PERSISTED_QUERY_NOT_IN_LIST). */
export const NOT_IN_LIST: RequestRefusal = {
  status: 400,
  message: 'Only registered operations run on this endpoint (trusted documents): send the id of an operation in the manifest as extensions.persistedQuery.sha256Hash.',
  extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_IN_LIST },
};

/**
 * Enforce mode: whether a request may run, before anything is parsed: its operation is in the
 * manifest, whether it sends the text or only an id. `params` is the POST body or the GET query.
 */
export function trustedDocumentAllowed(trusted: TrustedDocuments, method: string | undefined, params: { query?: unknown; extensions?: unknown } | undefined): boolean {
  if (!trusted.enforce || (method !== 'POST' && method !== 'GET')) return true;
  const hash = persistedHash(params?.extensions);
  const query = typeof params?.query === 'string' ? params.query : undefined;
  return query !== undefined ? trusted.bodies.has(sha256(query)) : hash !== undefined && trusted.bodies.has(hash);
}

/** Enforce mode: refuses an operation that is not in the manifest (PERSISTED_QUERY_NOT_IN_LIST). */
export function trustedDocumentsGuard(trusted: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const params = (req.method === 'POST' ? req.body : req.query) as { query?: unknown; extensions?: unknown } | undefined;
    if (trustedDocumentAllowed(trusted, req.method, params)) return next();
    sendRefusal(res, NOT_IN_LIST);
  };
}
