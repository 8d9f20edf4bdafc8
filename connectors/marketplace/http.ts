/**
 * The HTTP plumbing every adapter shares: one axios instance per connector (keep-alive sockets and a
 * per-request timeout), and the translation of every failure into a `ConnectorError` kind. The kinds
 * decide the sync engine's retries, so the rules here are the part of an adapter to keep precise:
 *
 * | what happened | write (POST/PUT/PATCH/DELETE) | read (GET) |
 * |---|---|---|
 * | no connection (refused, DNS, unreachable, connect timeout) | TRANSIENT | TRANSIENT |
 * | timeout or connection dropped after the request went out | UNKNOWN_OUTCOME | TRANSIENT |
 * | 2xx with a body the adapter cannot read | UNKNOWN_OUTCOME | TRANSIENT |
 * | 429 | RATE_LIMITED (+ retryAfterMs from Retry-After) | same |
 * | 500, 503, other 5xx | TRANSIENT (the assumed contracts: nothing was written) | same |
 * | 502, 504 (a proxy gave up waiting: the marketplace may have written) | UNKNOWN_OUTCOME | TRANSIENT |
 * | 408 | TRANSIENT (the server did not finish reading the request) | same |
 * | 401, 403 | AUTH (voso refreshes its token once first) | same |
 * | 404 | NOT_FOUND (lookups turn it into null) | same |
 * | other 4xx (400, 409, 413, 422, ...) | REJECTED | same |
 *
 * A read cannot have taken effect, so its timeouts are plainly TRANSIENT.
 */
import http from 'node:http';
import https from 'node:https';
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';
import { ConnectorError } from './contract.js';

export interface HttpClientOptions {
  baseUrl: string;
  /** Whole-request timeout in milliseconds (connect + send + wait for the answer). */
  timeoutMs: number;
  /** Open sockets per connector; the sync engine's concurrency should not exceed it. */
  maxSockets?: number;
}

/**
 * A connector's HTTP client. axios is loaded at the first request, not with the connector: the
 * subgraph definitions reach every connector through the marketplace registry (its settings), and
 * axios's modules cost every `hub` command 25 MB and 0.15 s that only a request needs.
 */
export interface HttpClient {
  /** Whole-request timeout in milliseconds, as created. */
  readonly timeoutMs: number;
  /** The axios instance, created on first use (the same one every call: one pool of sockets). */
  instance(): Promise<AxiosInstance>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  let created: Promise<AxiosInstance> | undefined;
  return { timeoutMs: options.timeoutMs, instance: () => (created ??= createAxios(options)) };
}

async function createAxios(options: HttpClientOptions): Promise<AxiosInstance> {
  const { default: axios } = await import('axios');
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 32 };
  return axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs,
    // Every status comes back as a response; `failureFromResponse` classifies it.
    validateStatus: () => true,
    maxRedirects: 0,
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
    // A timeout surfaces as ETIMEDOUT rather than the ambiguous ECONNABORTED.
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    headers: { 'user-agent': 'commune-hub-connector/1', accept: 'application/json' },
  });
}

/** The error body both assumed contracts use: `{ error, message, request_id }`. */
export interface MarketplaceErrorBody {
  error?: string;
  message?: string;
  request_id?: string;
  /** voso and postmart list per-field problems on validation errors. */
  fields?: { field: string; message: string }[];
}

export interface CallContext {
  marketplace: string;
  /** The connector method, for messages: "createListing". */
  operation: string;
  /** Whether the call can change state at the marketplace (decides UNKNOWN_OUTCOME vs TRANSIENT). */
  write: boolean;
}

/** Codes that mean the request never reached the marketplace. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ERR_INVALID_URL']);

/**
 * Sends one request. Resolves with the response whatever its status; rejects only with a
 * ConnectorError for transport failures (no answer at all).
 */
export async function send<T = unknown>(client: HttpClient, config: AxiosRequestConfig, context: CallContext): Promise<AxiosResponse<T>> {
  const axios = await client.instance();
  // axios's `timeout` is a socket idle timeout (it restarts on every byte); the deadline bounds the
  // whole call, so a marketplace trickling an answer cannot hold a worker past the timeout either.
  const timeoutMs = config.timeout ?? client.timeoutMs;
  const deadline = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  try {
    return await axios.request<T>(deadline && !config.signal ? { ...config, signal: deadline } : config);
  } catch (error) {
    if (deadline?.aborted && transportCode(error) === 'ERR_CANCELED') throw failureFromTransport(Object.assign(new Error('deadline'), { code: 'ETIMEDOUT' }), context);
    throw failureFromTransport(error, context);
  }
}

export function failureFromTransport(error: unknown, context: CallContext): ConnectorError {
  const label = `${context.marketplace} ${context.operation}`;
  const code = transportCode(error);
  const syscall = (error as { cause?: { syscall?: string } })?.cause?.syscall ?? (error as { syscall?: string })?.syscall;
  const reason = error instanceof Error ? error.message : String(error);
  if (NOT_SENT_CODES.has(code) || syscall === 'connect' || syscall === 'getaddrinfo') {
    return new ConnectorError('TRANSIENT', `${label}: could not reach the marketplace (${code || reason}); nothing was sent, retry later`);
  }
  if (code === 'ERR_CANCELED') {
    return new ConnectorError(context.write ? 'UNKNOWN_OUTCOME' : 'TRANSIENT', `${label}: the call was cancelled before an answer came`);
  }
  const what = code === 'ETIMEDOUT' || code === 'ECONNABORTED' ? 'timed out' : `lost the connection (${code || reason})`;
  return context.write
    ? new ConnectorError('UNKNOWN_OUTCOME', `${label}: ${what} after sending; the marketplace may have applied it: look it up before repeating a create`)
    : new ConnectorError('TRANSIENT', `${label}: ${what}; a read has no effect, retry`);
}

function transportCode(error: unknown): string {
  // axios marks its errors so (what axios.isAxiosError checks), without loading axios here.
  if ((error as { isAxiosError?: unknown } | undefined)?.isAxiosError === true) {
    const axiosError = error as { code?: string; cause?: { code?: string } };
    return axiosError.code ?? axiosError.cause?.code ?? '';
  }
  return (error as { code?: string } | undefined)?.code ?? '';
}

/** Retry-After in milliseconds: delta-seconds ("2", tolerating "1.5") or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function isSuccess(response: AxiosResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Classifies a non-2xx answer. */
export function failureFromResponse(response: AxiosResponse, context: CallContext): ConnectorError {
  const { status } = response;
  const body = errorBody(response.data);
  const requestId = body.request_id ?? headerValue(response.headers, 'x-request-id');
  const fields = body.fields?.length ? ` [${body.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}]` : '';
  const said = `${body.error ?? 'error'}: ${body.message ?? 'no message'}${fields}`;
  const message = `${context.marketplace} ${context.operation}: HTTP ${status} ${said}${requestId ? ` (request ${requestId})` : ''}`;
  const details = { status, marketplaceCode: body.error, requestId };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'));
    return new ConnectorError('RATE_LIMITED', message, retryAfterMs === undefined ? details : { ...details, retryAfterMs });
  }
  if (status === 401 || status === 403) return new ConnectorError('AUTH', `${message}; check the connector's credentials`, details);
  if (status === 404) return new ConnectorError('NOT_FOUND', message, details);
  if (status === 408) return new ConnectorError('TRANSIENT', message, details);
  if ((status === 502 || status === 504) && context.write) {
    return new ConnectorError('UNKNOWN_OUTCOME', `${message}; a proxy gave up waiting, the marketplace may have applied it`, details);
  }
  if (status >= 500) return new ConnectorError('TRANSIENT', message, details);
  return new ConnectorError('REJECTED', message, details);
}

/** A 2xx whose body does not have the documented shape. */
export function malformedResponse(context: CallContext, problem: string, response: AxiosResponse): ConnectorError {
  const requestId = headerValue(response.headers, 'x-request-id');
  const message = `${context.marketplace} ${context.operation}: HTTP ${response.status} with an unexpected body (${problem})`;
  return new ConnectorError(context.write ? 'UNKNOWN_OUTCOME' : 'TRANSIENT', message, { status: response.status, requestId });
}

function errorBody(data: unknown): MarketplaceErrorBody {
  if (data && typeof data === 'object') return data as MarketplaceErrorBody;
  if (typeof data === 'string' && data.length > 0) return { message: data.slice(0, 200) };
  return {};
}

function headerValue(headers: AxiosResponse['headers'], name: string): string | undefined {
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return String(value[0]);
  return value === undefined || value === null ? undefined : String(value);
}
