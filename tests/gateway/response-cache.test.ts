import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseCacheMb } from '../../core/config.js';
import { todayInVietnam } from '../../core/time.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../subgraphs/shared/roles.js';
import { countSubgraphCalls } from '../helpers/counting-proxy.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { bearer, postGraphQL } from '../helpers/graphql-client.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const NT = PILOT_COMMUNES.namThuong;
const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const POSTS = `query Posts($id: ID!, $all: Boolean) { communeById(id: $id) { portalPosts(includeUnpublished: $all) { totalCount edges { node { id status } } } } }`;
type Posts = { communeById: { portalPosts: { totalCount: number; edges: { node: { id: string; status: string } }[] } } };
const DRAFT = `mutation ($input: DraftPortalPostInput!) { draftPortalPost(input: $input) { portalPost { id status } } }`;
const APPROVE = `mutation ($input: ReviewPortalPostInput!) { approvePortalPost(input: $input) { portalPost { id status } } }`;

/** What a browser sees: the answer and the caching headers. */
async function ask(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Posts & Record<string, unknown>; errors?: unknown[] };
  return { body, cacheControl: response.headers.get('cache-control'), age: response.headers.get('age') };
}

describe('gateway: the response cache serves public, stable answers and nothing private', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let counter: Awaited<ReturnType<typeof countSubgraphCalls>>;
  let url: string;
  const token = async (roles: Role[], subject: string) => bearer(await signHubToken(env.config, { subject, roles, communeCodes: [NT.code] }));
  /** Subgraph calls the gateway made while `run` ran. */
  const callsDuring = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const before = counter.count();
    const result = await run();
    return [result, counter.count() - before];
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    counter = await countSubgraphCalls(hub);
    // On as in production (the default there; off in development and tests).
    url = (await hub.startGateway({ RESPONSE_CACHE_MB: 32 }, { subgraphUrls: counter.subgraphUrls })).url;
  });
  afterAll(async () => {
    await counter?.close();
    await hub?.close();
    await env?.cleanup();
  });

  it('answers the README sample a second time from memory: the same data, no subgraph call, public for as long as its shortest-lived part', async () => {
    const variables = { code: '05068', on: '2021-06-01' };
    const [first, firstCalls] = await callsDuring(() => ask(url, SAMPLE, variables));
    expect(first.body.errors).toBeUndefined();
    expect(firstCalls).toBeGreaterThanOrEqual(4);
    // Posts, producers, health records and live radio status change: 30 s bounds the whole answer.
    expect(first.cacheControl).toBe('max-age=30, public');
    const [second, secondCalls] = await callsDuring(() => ask(url, SAMPLE, variables));
    expect(secondCalls).toBe(0);
    expect(second.body).toEqual(first.body);
    expect(second.age).toMatch(/^\d+$/);
    // Other variables are another entry.
    const [, otherCalls] = await callsDuring(() => ask(url, SAMPLE, { code: '05068', on: '2021-06-02' }));
    expect(otherCalls).toBeGreaterThan(0);
  });

  it('keeps KPIs of a closed year for minutes and this year\'s for seconds', async () => {
    const kpis = (year: number) => `query Kpis { commune(code: "05068", on: "2021-06-01") { name predecessors { name } dossierStats(year: ${year}) { received target { minimum } } documentStats(year: ${year}) { outgoing } } }`;
    expect((await ask(url, kpis(2021), {})).cacheControl).toBe('max-age=300, public');
    expect((await ask(url, kpis(Number(todayInVietnam().slice(0, 4))), {})).cacheControl).toBe('max-age=30, public');
  });

  it('never serves an officer\'s answer to anyone else, in either order; answers that did not depend on the caller are shared', async () => {
    const officer = await token([Role.OFFICER], 'officer-cache');
    const draft = await postGraphQL<{ draftPortalPost: { portalPost: { id: string } } }>(hub.url, DRAFT, { input: { communeId: NT.id, category: 'PLANS_REPORTS', title: 'Dự thảo riêng', body: 'Nội dung', publishAt: '2021-12-01T01:00:00Z' } }, officer);
    const draftId = draft.data!.draftPortalPost.portalPost.id;
    const ids = (answer: Awaited<ReturnType<typeof ask>>) => answer.body.data!.communeById.portalPosts.edges.map((e) => e.node.id);

    // The officer first: drafts included, marked private, not stored.
    const officerAnswer = await ask(url, POSTS, { id: NT.id, all: true }, officer);
    expect(ids(officerAnswer)).toContain(draftId);
    expect(officerAnswer.cacheControl).not.toMatch(/public/);
    const [anonymous, anonymousCalls] = await callsDuring(() => ask(url, POSTS, { id: NT.id, all: true }));
    expect(ids(anonymous)).not.toContain(draftId);
    expect(anonymousCalls).toBeGreaterThan(0);
    // Anonymous first, then the officer: the officer still gets the drafts.
    const [again, officerCalls] = await callsDuring(() => ask(url, POSTS, { id: NT.id, all: true }, officer));
    expect(ids(again)).toContain(draftId);
    expect(officerCalls).toBeGreaterThan(0);

    // Without includeUnpublished nobody's identity is read: one public answer for every anonymous caller,
    // and one for every signed-in caller (kept apart, since an anonymous answer may have checked there was no viewer).
    const published = await ask(url, POSTS, { id: NT.id, all: false });
    expect(published.cacheControl).toBe('max-age=30, public');
    const [anonymousAgain, anonymousAgainCalls] = await callsDuring(() => ask(url, POSTS, { id: NT.id, all: false }));
    expect(anonymousAgainCalls).toBe(0);
    expect(anonymousAgain.body).toEqual(published.body);
    const [first, firstCalls] = await callsDuring(() => ask(url, POSTS, { id: NT.id, all: false }, officer));
    expect(firstCalls).toBeGreaterThan(0);
    expect(first.cacheControl).toBe('max-age=30, public');
    const otherOfficer = await token([Role.OFFICER], 'officer-cache-other');
    const [shared, sharedCalls] = await callsDuring(() => ask(url, POSTS, { id: NT.id, all: false }, otherOfficer));
    expect(sharedCalls).toBe(0);
    expect(shared.body).toEqual(published.body);
    expect(ids(shared)).not.toContain(draftId);
  });

  it('a mutation through the gateway makes stored answers unreachable: the approved post shows at once', async () => {
    const before = await ask(url, POSTS, { id: NT.id, all: false });
    expect((await callsDuring(() => ask(url, POSTS, { id: NT.id, all: false })))[1]).toBe(0);
    const officer = await token([Role.OFFICER], 'officer-cache-2');
    const chair = await token([Role.CHAIRPERSON], 'chair-cache');
    const draft = await postGraphQL<{ draftPortalPost: { portalPost: { id: string } } }>(url, DRAFT, { input: { communeId: NT.id, category: 'PLANS_REPORTS', title: 'Thông báo mới', body: 'Nội dung', publishAt: '2021-12-02T01:00:00Z' } }, officer);
    const id = draft.data!.draftPortalPost.portalPost.id;
    expect((await postGraphQL(url, APPROVE, { input: { id } }, chair)).errors).toBeUndefined();
    const after = await ask(url, POSTS, { id: NT.id, all: false });
    expect(after.body.data!.communeById.portalPosts.totalCount).toBe(before.body.data!.communeById.portalPosts.totalCount + 1);
  });

  it('is on by default in production only', () => {
    expect(responseCacheMb({ ...env.config, NODE_ENV: 'production', RESPONSE_CACHE_MB: undefined })).toBe(32);
    expect(responseCacheMb({ ...env.config, NODE_ENV: 'development', RESPONSE_CACHE_MB: undefined })).toBe(0);
    expect(responseCacheMb({ ...env.config, NODE_ENV: 'production', RESPONSE_CACHE_MB: 0 })).toBe(0);
  });

  it('RESPONSE_CACHE_MB=0 turns it off', async () => {
    const off = await hub.startGateway({ RESPONSE_CACHE_MB: 0 }, { subgraphUrls: counter.subgraphUrls });
    await ask(off.url, SAMPLE, { code: '05068', on: '2021-06-01' });
    expect((await callsDuring(() => ask(off.url, SAMPLE, { code: '05068', on: '2021-06-01' })))[1]).toBeGreaterThanOrEqual(4);
  });
});
