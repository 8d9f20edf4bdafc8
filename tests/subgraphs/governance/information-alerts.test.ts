import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { governance } from '../../../subgraphs/governance/index.js';
import { runImport } from '../../../subgraphs/governance/imports/import-runner.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';

const HEADER = 'communeCode,source,url,detectedAt,topic,title,severity,handledAt,handlingNote';
const ALERTS = `${HEADER}
05068,Báo mẫu,https://news.example.invalid/a/1,2022-03-01 08:00,giáo dục,Trường học được khen,LOW,,
05068,Báo mẫu,https://news.example.invalid/a/2,2022-03-02 08:00,đất đai,Khiếu nại đất,HIGH,,
`;
const BAD_ALERTS = `${HEADER}
05068,Báo mẫu,javascript:alert(1),2022-03-01 08:00,x,y,LOW,,
05068,Báo mẫu,https://news.example.invalid/b/2,2022-03-01 08:00,x,y,URGENT,,
05068,Báo mẫu,https://news.example.invalid/b/3,2022-03-01 08:00,x,y,LOW,2022-02-01 08:00,
05068,Báo mẫu,https://news.example.invalid/b/4,2022-13-01 08:00,x,y,LOW,,
05068,Báo mẫu,https://news.example.invalid/b/5,2022-03-01 08:00,x,y,LOW,,
05068,Báo mẫu,https://news.example.invalid/b/5,2022-03-02 08:00,x,z,LOW,,
`;

interface Page {
  totalCount: number;
  edges: { node: { id: string; url: string; severity: string; handled: boolean; handlingNote: string | null } }[];
}

describe('governance information monitoring: alerts for the commune\'s officers', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let officer: Record<string, string>;
  let otherOfficer: Record<string, string>;
  const alerts = (headers: Record<string, string>, handled?: boolean, id = '05068/1') =>
    postGraphQL<{ communeById: { informationAlerts: Page | null } }>(
      subgraph.url,
      `query ($id: ID!, $handled: Boolean) { communeById(id: $id) { informationAlerts(handled: $handled, first: 50) { totalCount edges { node { id url severity handled handlingNote } } } } }`,
      { id, handled },
      headers,
    );

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    officer = bearer(await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] }));
    otherOfficer = bearer(await signHubToken(env.config, { subject: 'officer-ls', roles: [Role.OFFICER], communeCodes: ['04960'] }));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('shows the seeded feed to the commune\'s officers only', async () => {
    const mine = await alerts(officer);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.communeById.informationAlerts?.totalCount).toBe(3);
    expect((await alerts(officer, false)).data?.communeById.informationAlerts?.totalCount).toBe(2);
    const anonymous = await alerts({});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.communeById.informationAlerts).toBeNull();
    expect((await alerts(otherOfficer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('imports alerts idempotently; an officer handles one; a re-import keeps it handled', async () => {
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'alerts', format: 'csv', text: ALERTS, source: 'alerts.csv' })).toMatchObject({ created: 2, errors: [] });
    const page = (await alerts(officer, false)).data!.communeById.informationAlerts!;
    const land = page.edges.find((e) => e.node.url.endsWith('/a/2'))!.node;
    expect(land).toMatchObject({ severity: 'HIGH', handled: false });
    const handle = (headers: Record<string, string>) =>
      postGraphQL<{ handleInformationAlert: { alert: { handled: boolean; handlingNote: string } } }>(
        subgraph.url,
        `mutation ($id: ID!) { handleInformationAlert(input: { alertId: $id, note: "Đã gặp người khiếu nại" }) { alert { handled handlingNote } } }`,
        { id: land.id },
        headers,
      );
    expect((await handle(otherOfficer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await handle(officer)).data?.handleInformationAlert.alert).toEqual({ handled: true, handlingNote: 'Đã gặp người khiếu nại' });
    expect(await runImport(subgraph.orm.em.fork(), { kind: 'alerts', format: 'csv', text: ALERTS, source: 'alerts.csv' })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const after = (await alerts(officer)).data!.communeById.informationAlerts!;
    expect(after.edges.find((e) => e.node.id === land.id)?.node).toMatchObject({ handled: true, handlingNote: 'Đã gặp người khiếu nại' });
  });

  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const before = (await alerts(officer)).data!.communeById.informationAlerts!.totalCount;
    const report = await runImport(subgraph.orm.em.fork(), { kind: 'alerts', format: 'csv', text: BAD_ALERTS, source: 'bad.csv' });
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, expect.stringMatching(/url must be an http or https address/)],
      [3, expect.stringMatching(/severity "URGENT" is not one of LOW, MEDIUM, HIGH, CRITICAL/)],
      [4, expect.stringMatching(/handledAt is before detectedAt/)],
      [5, expect.stringMatching(/detectedAt must be a date and time/)],
      [7, expect.stringMatching(/duplicate of line 6/)],
    ]);
    expect((await alerts(officer)).data!.communeById.informationAlerts!.totalCount).toBe(before);
  });
});
