import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import type { HubConfig } from '../../../core/config.js';
import { setDeviceClock } from '../../../subgraphs/devices/clock.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../../helpers/graphql-client.js';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const DIALECTS = [
  ['sqlite', false],
  ['postgresql', true],
] as const;

/** A clock the test moves by hand; `restore` puts the real one back. */
export function fakeClock(start: string) {
  let now = Date.parse(start);
  const restore = setDeviceClock(() => new Date(now));
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
    /** Moves the clock to an instant (ISO string or epoch ms), never backwards. */
    set(at: string | number) {
      const target = typeof at === 'number' ? at : Date.parse(at);
      if (target < now) throw new Error(`fakeClock.set: ${new Date(target).toISOString()} is before now`);
      now = target;
    },
    restore,
  };
}

/** Origin of a subgraph's /graphql URL: the heartbeat ingest lives beside it. */
export function heartbeatUrl(subgraphGraphqlUrl: string): string {
  return `${new URL(subgraphGraphqlUrl).origin}/devices/heartbeat`;
}

export async function sendHeartbeat(url: string, credential: string | null, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential === null ? {} : { authorization: `Bearer ${credential}` }) },
    body: JSON.stringify(body ?? {}),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export async function tokenFor(config: HubConfig, roles: Role[], communeCodes: string[], subject = `${roles.join('+')}@${communeCodes.join(',')}`): Promise<Record<string, string>> {
  return bearer(await signHubToken(config, { subject, roles, communeCodes }));
}

/** A pino logger whose JSON lines the test can read. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** Posts and fails loudly on GraphQL errors, so a test reads data directly. */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const response: GraphQLResponse<T> = await postGraphQL<T>(url, query, variables, headers);
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

export const REGISTER_DEVICE = `mutation ($input: RegisterDeviceInput!) {
  registerDevice(input: $input) { credential device { id kind label status offlineAfterSeconds registeredAt lastSeenAt } }
}`;
