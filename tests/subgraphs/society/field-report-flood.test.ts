import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_LIMITS } from '../../../subgraphs/society/field-reports/anonymous-limit.rules.js';
import { FieldReport } from '../../../subgraphs/society/field-reports/field-report.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const SUBMIT = `mutation ($input: SubmitFieldReportInput!) { submitFieldReport(input: $input) { receiptCode } }`;
const HOP_KIM = '05068/2';

const report = (phone: string) => ({
  communeId: HOP_KIM,
  category: 'ENVIRONMENTAL_SANITATION',
  description: 'Rác thải đổ trộm ven suối đầu xóm, bốc mùi nhiều ngày.',
  location: { address: 'Ven suối, đầu Xóm 3' },
  reporter: { phone },
});

/** The flood: one sender with fresh phone numbers locked a commune out for an hour. */
describe('anonymous field reports: one flooder cannot lock a commune out', () => {
  let env: TestEnvironment;
  let hub: TestHub;

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { TRUSTED_PROXY_HEADER: 'x-forwarded-for' } });
    hub = await startHub({ env, subgraphs: ['governance', 'society'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('stops one address at its limit, whatever the contact, and the commune still takes reports from others', async () => {
    expect(ANONYMOUS_LIMITS.perAddress).toBeLessThan(ANONYMOUS_LIMITS.perCommune);
    const flooder = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < ANONYMOUS_LIMITS.perAddress; i++) {
      const sent = await postGraphQL(hub.url, SUBMIT, { input: report(`0912 000 ${String(100 + i)}`) }, flooder);
      expect(sent.errors, `report ${i}`).toBeUndefined();
    }
    const limited = await postGraphQL(hub.url, SUBMIT, { input: report('0912 000 999') }, flooder);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors?.[0]?.message).not.toContain('203.0.113.9');
    const neighbour = await postGraphQL(hub.url, SUBMIT, { input: report('0988 765 432') }, { 'x-forwarded-for': '198.51.100.20' });
    expect(neighbour.errors).toBeUndefined();
    // The address is kept only as a hash.
    const rows = await hub.subgraphs.society!.orm.em.fork().find(FieldReport, { communeId: HOP_KIM });
    expect(rows.every((r) => r.addressKey && /^[0-9a-f]{64}$/.test(r.addressKey))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('203.0.113.9');
  });
});
