/**
 * Schedules an emergency announcement's radio bulletin on the devices subgraph, through devices' own
 * `scheduleBroadcast` mutation: its validation, access check and pre-emption rules apply unchanged.
 *
 * Why a direct call signed like the gateway's, and not a call through the gateway or an event:
 * - the gateway wants the caller's bearer token, which a subgraph never sees (and cannot mint when
 *   tokens come from an external identity provider), and the officer's request is long over when the
 *   worker runs;
 * - an event for devices to pick up would need devices to poll society (a new reader there, a new
 *   schedule, and devices' answer — the bulletin id or why it was refused — coming back another way);
 * - every subgraph already holds GATEWAY_SIGNING_KEY (it verifies the gateway with it), so society
 *   signs the request with the same assertion the gateway would send: audience `devices`, the body's
 *   digest, and as viewer the officer who sent the announcement, narrowed to the officer role of that
 *   one commune. Devices cannot tell it from the officer scheduling the bulletin through the gateway.
 */
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId, type AssertionSigner } from '../../../core/auth/gateway-assertion.js';
import type { HubConfig } from '../../../core/config.js';
import { ConnectorError } from '../../../connectors/messaging/contract.js';
import { createHttpClient, failureFromResponse, isSuccess, send, type HttpClient } from '../../../connectors/marketplace/http.js';
import { communeCodeOf } from '../commune/commune-id.js';
import { Role, SCOPE_CLAIMS } from '../../shared/roles.js';

const SCHEDULE = `mutation ScheduleEmergencyBulletin($input: ScheduleBroadcastInput!) { scheduleBroadcast(input: $input) { broadcast { id } } }`;

/** GraphQL codes that mean devices refused the bulletin itself: asking again changes nothing. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT']);

export interface RadioBulletin {
  communeId: string;
  title: string;
  content: string;
  durationSeconds: number;
  /** Who sent the announcement: the bulletin is scheduled as theirs. */
  officer: string;
}

export class RadioRelay {
  private readonly http: HttpClient;
  private readonly sign: AssertionSigner;

  constructor(config: HubConfig, readonly url: string) {
    this.http = createHttpClient({ baseUrl: url, timeoutMs: config.subgraphs.devices?.timeoutMs ?? 10_000, maxSockets: 4 });
    this.sign = createAssertionSigner(config);
  }

  /** The devices Broadcast.id; a ConnectorError otherwise (REJECTED: devices refused it). */
  async schedule(bulletin: RadioBulletin): Promise<string> {
    const body = JSON.stringify({
      query: SCHEDULE,
      variables: { input: { communeId: bulletin.communeId, title: bulletin.title, content: bulletin.content, priority: 'EMERGENCY', durationSeconds: bulletin.durationSeconds } },
    });
    const viewer = { subject: bulletin.officer, roles: [Role.OFFICER], scopes: { [SCOPE_CLAIMS.communes]: [communeCodeOf(bulletin.communeId)] } };
    const assertion = await this.sign('devices', { viewer, requestId: newRequestId() }, body);
    const context = { marketplace: 'devices', operation: 'scheduleBroadcast', write: true };
    const response = await send<{ data?: { scheduleBroadcast?: { broadcast?: { id?: string } } }; errors?: { message?: string; extensions?: { code?: string } }[] }>(
      this.http,
      { method: 'POST', url: '', data: body, headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: assertion } },
      context,
    );
    if (!isSuccess(response) && !response.data?.errors) throw failureFromResponse(response, context);
    const error = response.data?.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      throw new ConnectorError(REFUSALS.has(code) ? 'REJECTED' : 'TRANSIENT', `devices scheduleBroadcast: ${code}: ${error.message ?? 'no message'}`);
    }
    const id = response.data?.data?.scheduleBroadcast?.broadcast?.id;
    if (!id) throw new ConnectorError('UNKNOWN_OUTCOME', 'devices scheduleBroadcast: HTTP 200 without a broadcast id');
    return id;
  }
}

/** Where devices' /graphql is: ANNOUNCEMENTS_DEVICES_URL, else DEVICES_URL, else this machine on DEVICES_PORT. */
export function devicesGraphqlUrl(config: HubConfig, override?: string): string {
  const endpoint = config.subgraphs.devices;
  return override ?? endpoint?.url ?? `http://127.0.0.1:${endpoint?.port ?? 4003}/graphql`;
}
