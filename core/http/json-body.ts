import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Why a JSON body was refused, in the terms of body-parser's errors (what core/http/graphql-body.ts maps for Express routes). */
export class JsonBodyError extends Error {
  constructor(
    readonly type: 'entity.too.large' | 'entity.parse.failed' | 'encoding.unsupported' | 'charset.unsupported' | 'request.aborted',
    readonly length?: number,
  ) {
    super(type);
  }
}

/** True when the request says it carries JSON (`application/json`, with any parameters), as express.json() decides. */
export function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

function charsetOf(req: IncomingMessage): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '');
  return match?.[1]?.toLowerCase();
}

function decoded(req: IncomingMessage): Readable {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return req;
  if (encoding === 'gzip') return req.pipe(createGunzip());
  if (encoding === 'deflate') return req.pipe(createInflate());
  if (encoding === 'br') return req.pipe(createBrotliDecompress());
  throw new JsonBodyError('encoding.unsupported');
}

/**
 * Reads a request's body with a size limit, the way express.json() does for the routes that use it
 * (UTF-8 charsets only; gzip, deflate and br bodies inflated; the limit counts the inflated bytes; a
 * declared length over the limit is refused before any byte is read). Returns the raw bytes, which
 * the caller may digest before parsing. On a refusal the rest of the body is discarded.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const charset = charsetOf(req);
  if (charset && !charset.startsWith('utf-')) throw new JsonBodyError('charset.unsupported');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes && !req.headers['content-encoding']) {
    req.resume();
    throw new JsonBodyError('entity.too.large', declared);
  }
  const stream = decoded(req);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    // On a refusal the rest is read and dropped (not destroyed): the socket must stay to carry the answer.
    const fail = (error: JsonBodyError) => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      if (stream !== req) stream.unpipe?.();
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) return fail(new JsonBodyError('entity.too.large', length));
      chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    });
    // A truncated or corrupt compressed body, or a client that went away mid-body.
    stream.once('error', () => fail(new JsonBodyError(req.readableAborted ? 'request.aborted' : 'entity.parse.failed')));
    if (stream !== req) req.once('error', () => fail(new JsonBodyError('request.aborted')));
    req.once('aborted', () => fail(new JsonBodyError('request.aborted')));
  });
}

/** JSON.parse of a body as express.json() (strict) accepts it: an object or an array; an empty body is `{}`. */
export function parseJsonBody(buf: Buffer): unknown {
  const text = buf.toString('utf8');
  const first = /^[\s\uFEFF]*(.)/.exec(text)?.[1];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new JsonBodyError('entity.parse.failed');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new JsonBodyError('entity.parse.failed');
  }
}
