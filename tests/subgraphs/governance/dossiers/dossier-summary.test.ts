import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { readDossierSummary, recountDossierSummary } from '../../../../subgraphs/governance/dossiers/dossier-summary.store.js';
import { rebuildMonthSummary } from '../../../../subgraphs/governance/common/month-summary.store.js';
import { DOSSIER_SUMMARY } from '../../../../subgraphs/governance/dossiers/dossier-summary.cli.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import { runImport } from '../../../../subgraphs/governance/imports/import-runner.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';

const COMMUNES = [
  { id: '05068/1', code: '05068' },
  { id: '04969/1', code: '04969' },
];
/** Both communes ended on 2025-06-30: their records are kept by their successors' officers (Hợp Kim 05068, the new Liên Sơn 04960). */
const SUCCESSOR_CODES = ['05068', '04960'];
/** Instants around Vietnamese month and year boundaries (UTC+7): 2024-01-31T17:00Z is 1 February 00:00 in Vietnam. */
const BOUNDARIES = ['2023-12-31T16:59:59Z', '2023-12-31T17:00:00Z', '2024-01-31T16:59:00Z', '2024-01-31T17:00:00Z', '2024-06-15T02:00:00Z', '2024-12-31T16:59:59Z'].map(
  (s) => Date.parse(s),
);
const HOUR = 3_600_000;

type Op =
  | { kind: 'receive'; commune: number; at: number; online: boolean }
  | { kind: 'change'; pick: number; status: string; afterHours: number }
  | { kind: 'import'; pick: number; status: string; completedHours: number | null; moveHours: number; online: boolean };

const STATUSES = ['PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESOLVED', 'RETURNED', 'REJECTED', 'WITHDRAWN'];
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), commune: fc.nat(1), at: fc.constantFrom(...BOUNDARIES), online: fc.boolean() }),
  fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES), afterHours: fc.integer({ min: 1, max: 120 }) }),
  fc.record({
    kind: fc.constant('import' as const),
    pick: fc.nat(),
    status: fc.constantFrom('RESOLVED', 'RETURNED', 'PROCESSING'),
    completedHours: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    moveHours: fc.integer({ min: -48, max: 48 }),
    online: fc.boolean(),
  }),
);

describe.each([
  { label: 'SQLite', postgres: false },
  { label: 'PostgreSQL', postgres: true },
])('governance: the dossier month summary equals a recount of the dossiers ($label)', ({ postgres }) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let officer: Record<string, string>;
  let serial = 0;

  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    env = await createTestEnvironment({ postgres });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    officer = bearer(await signHubToken(env.config, { subject: 'officer-summary', roles: [Role.OFFICER], communeCodes: SUCCESSOR_CODES }));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const csvRow = (d: { communeId: string; code: string; online: boolean; receivedAt: number; status: string; completedAt: number | null }) =>
    [
      d.communeId, d.code, '1.001193', 'Đăng ký khai sinh', 'Hộ tịch', d.online ? 'ONLINE' : 'DIRECT', d.online ? 'PARTIAL' : '',
      new Date(d.receivedAt).toISOString(), new Date(d.receivedAt + 48 * HOUR).toISOString(), d.completedAt === null ? '' : new Date(d.completedAt).toISOString(), d.status, 'Bùi Văn A',
    ].join(',');

  it.skipIf(postgres && !TEST_DATABASE_URL)('after the pilot seed, and after any sequence of receipts, status changes and re-imports', async () => {
    const em = () => subgraph.orm.em.fork();
    expect(await readDossierSummary(em())).toEqual(await recountDossierSummary(em()));
    const received: { id: string; communeId: string; code: string; receivedAt: number; online: boolean }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'receive') {
            const code = `SUM-${++serial}`;
            const commune = COMMUNES[o.commune]!;
            const response = await postGraphQL<{ receiveDossier: { dossier: { id: string } } }>(
              subgraph.url,
              'mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { dossier { id } } }',
              {
                input: {
                  communeId: commune.id, code, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', procedureField: 'Hộ tịch',
                  channel: o.online ? 'ONLINE' : 'DIRECT', onlineLevel: o.online ? 'FULL' : null,
                  receivedAt: new Date(o.at).toISOString(), dueAt: new Date(o.at + 48 * HOUR).toISOString(), applicant: { name: 'Bùi Văn A' },
                },
              },
              officer,
            );
            expect(response.errors).toBeUndefined();
            received.push({ id: response.data!.receiveDossier.dossier.id, communeId: commune.id, code, receivedAt: o.at, online: o.online });
          } else if (received.length) {
            const d = received[o.pick % received.length]!;
            if (o.kind === 'change') {
              // Impossible transitions and instants are refused: the summary must then be untouched too.
              await postGraphQL(
                subgraph.url,
                'mutation ($input: ChangeDossierStatusInput!) { changeDossierStatus(input: $input) { dossier { id } } }',
                { input: { dossierId: d.id, status: o.status, at: new Date(d.receivedAt + o.afterHours * HOUR).toISOString() } },
                officer,
              );
            } else {
              const receivedAt = d.receivedAt + o.moveHours * HOUR;
              const completedAt = o.status === 'PROCESSING' || o.completedHours === null ? null : receivedAt + o.completedHours * HOUR;
              const csv = `communeId,code,procedureCode,procedureName,procedureField,channel,onlineLevel,receivedAt,dueAt,completedAt,status,applicantName\n${csvRow({ ...d, online: o.online, receivedAt, status: o.status, completedAt })}\n`;
              const report = await runImport(em(), { kind: 'dossiers', format: 'csv', text: csv, source: 'summary.csv' });
              if (!report.errors.length) Object.assign(d, { receivedAt, online: o.online });
            }
          }
        }
        expect(await readDossierSummary(em())).toEqual(await recountDossierSummary(em()));
      }),
      { numRuns: 12 },
    );
    expect(received.length).toBeGreaterThan(0);
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('rebuild-summary recounts a summary that rows written past the hub left stale', async () => {
    const em = subgraph.orm.em.fork();
    await em.getConnection().execute(`update ${postgres ? 'governance.' : ''}dossier_month_summary set received = received + 5`);
    expect(await readDossierSummary(em)).not.toEqual(await recountDossierSummary(em));
    const { communeMonths } = await rebuildMonthSummary(em, DOSSIER_SUMMARY);
    expect(communeMonths).toBeGreaterThan(0);
    expect(await readDossierSummary(em)).toEqual(await recountDossierSummary(em));
  });
});
