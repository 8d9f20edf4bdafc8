import { signerFor } from './gateway-signing.js';

/** A minimal GraphQL-over-HTTP client for tests: what a frontend sends, nothing in-process. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Posts an operation. To a subgraph a test started, the request goes as the gateway sends it:
 * signed, with the viewer of the token in `headers` (tests/helpers/gateway-signing.ts).
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const signer = signerFor(url);
  return send<T>(url, body, signer ? await signer(headers, body) : headers);
}

/** Posts exactly what a stranger on the network would send a subgraph port: no gateway signature. */
export async function postUnsigned<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  return send<T>(url, JSON.stringify({ query, variables }), headers);
}

async function send<T>(url: string, body: string, headers: Record<string, string>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body,
  });
  const parsed = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...parsed };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
