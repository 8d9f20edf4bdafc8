import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;

const POSTS = `query ($id: ID!, $all: Boolean, $first: Int, $after: String) { communeById(id: $id) {
  portalPosts(includeUnpublished: $all, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title category status author reviewedBy rejectionReason } } }
} }`;
type Posts = { communeById: { portalPosts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; title: string; status: string; author: string | null; reviewedBy: string | null; rejectionReason: string | null } }[] } } };
const DRAFT = `mutation ($input: DraftPortalPostInput!) { draftPortalPost(input: $input) { portalPost { id status } } }`;
const UPDATE = `mutation ($input: UpdatePortalPostInput!) { updatePortalPost(input: $input) { portalPost { id status title } } }`;
const APPROVE = `mutation ($input: ReviewPortalPostInput!) { approvePortalPost(input: $input) { portalPost { id status reviewedAt } } }`;
const REJECT = `mutation ($input: ReviewPortalPostInput!) { rejectPortalPost(input: $input) { portalPost { id status } } }`;
const WITHDRAW = `mutation ($input: ReviewPortalPostInput!) { withdrawPortalPost(input: $input) { portalPost { id status } } }`;

describe('governance through the gateway: the commune portal (officer drafts, chairperson approves, everyone reads)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const token = async (roles: Role[], codes: string[], subject?: string) => bearer(await signHubToken(env.config, { subject: subject ?? `${roles.join('+')}@${codes.join(',')}`, roles, communeCodes: codes }));

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'], seed: true });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  const posts = async (id: string, headers: Record<string, string> = {}, all = false) => {
    const response = await postGraphQL<Posts>(hub.url, POSTS, { id, all }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!.communeById.portalPosts;
  };
  // Nam Thượng existed until 2025-06-30: its posts go public while it existed.
  const publishAt = '2021-12-01T01:00:00Z';

  it('publishes the pilot post of each commune to everyone, without who wrote it', async () => {
    for (const c of [NT, LS]) {
      const read = await posts(c.id);
      expect(read.totalCount).toBe(1);
      expect(read.edges[0].node).toMatchObject({ id: `portal-${c.code}-2021-10-training`, category: 'NEWS_ANNOUNCEMENTS', status: 'APPROVED', author: null, reviewedBy: null });
    }
    expect((await posts(NT.id, await token([Role.OFFICER], [NT.code]))).edges[0].node).toMatchObject({ author: 'pilot-officer', reviewedBy: 'pilot-chairperson' });
  });

  it('keeps a draft private until the chairperson approves it; rejection sends it back; the author cannot approve their own post', async () => {
    const officer = await token([Role.OFFICER], [NT.code], 'officer-1');
    const chair = await token([Role.CHAIRPERSON], [NT.code], 'chair-1');
    const drafted = await postGraphQL<{ draftPortalPost: { portalPost: { id: string; status: string } } }>(hub.url, DRAFT, { input: { communeId: NT.id, category: 'PLANS_REPORTS', title: 'Kế hoạch chuyển đổi số 2026', body: 'Nội dung', publishAt } }, officer);
    const id = drafted.data!.draftPortalPost.portalPost.id;
    expect((await posts(NT.id)).totalCount).toBe(1);
    expect((await posts(NT.id, officer, true)).totalCount).toBe(2);
    expect((await posts(NT.id, {}, true)).totalCount).toBe(1);
    expect((await postGraphQL(hub.url, APPROVE, { input: { id } }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await postGraphQL(hub.url, APPROVE, { input: { id } }, await token([Role.OFFICER, Role.CHAIRPERSON], [NT.code], 'officer-1'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await postGraphQL(hub.url, APPROVE, { input: { id } }, await token([Role.CHAIRPERSON], [LS.code]))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await postGraphQL(hub.url, REJECT, { input: { id, reason: 'Thiếu số liệu' } }, chair)).data).toMatchObject({ rejectPortalPost: { portalPost: { status: 'REJECTED' } } });
    expect((await posts(NT.id, officer, true)).edges.find((e) => e.node.id === id)!.node.rejectionReason).toBe('Thiếu số liệu');
    expect((await postGraphQL(hub.url, APPROVE, { input: { id } }, chair)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await postGraphQL(hub.url, UPDATE, { input: { id, title: 'Kế hoạch chuyển đổi số năm 2026' } }, officer)).data).toMatchObject({ updatePortalPost: { portalPost: { status: 'DRAFT' } } });
    expect((await postGraphQL(hub.url, APPROVE, { input: { id } }, chair)).data).toMatchObject({ approvePortalPost: { portalPost: { status: 'APPROVED' } } });
    const published = await posts(NT.id);
    expect(published.totalCount).toBe(2);
    expect(published.edges[0].node).toMatchObject({ id, title: 'Kế hoạch chuyển đổi số năm 2026', author: null });
    const page = await postGraphQL<Posts>(hub.url, POSTS, { id: NT.id, first: 1 });
    expect(page.data!.communeById.portalPosts.pageInfo.hasNextPage).toBe(true);
    const next = await postGraphQL<Posts>(hub.url, POSTS, { id: NT.id, first: 1, after: page.data!.communeById.portalPosts.pageInfo.endCursor });
    expect(next.data!.communeById.portalPosts.edges.map((e) => e.node.id)).toEqual(['portal-05068-2021-10-training']);
    expect((await postGraphQL(hub.url, WITHDRAW, { input: { id } }, chair)).data).toMatchObject({ withdrawPortalPost: { portalPost: { status: 'WITHDRAWN' } } });
    expect((await posts(NT.id)).totalCount).toBe(1);
    const direct = await postGraphQL(hub.url, `query ($id: ID!) { portalPost(id: $id) { id } }`, { id });
    expect(direct.data).toEqual({ portalPost: null });
  });

  it('refuses bad posts and reviews with BAD_USER_INPUT and writes nothing', async () => {
    const officer = await token([Role.OFFICER], [NT.code], 'officer-2');
    const chair = await token([Role.CHAIRPERSON], [NT.code], 'chair-2');
    const good = { communeId: NT.id, category: 'NEWS_ANNOUNCEMENTS', title: 'Thông báo', body: 'Nội dung', publishAt };
    for (const [change, field] of [
      [{ title: '  ' }, 'input.title'],
      [{ body: '' }, 'input.body'],
      [{ title: 'x'.repeat(301) }, 'input.title'],
      [{ expireAt: publishAt }, 'input.expireAt'],
      [{ communeId: '99999/1' }, 'input.communeId'],
      [{ publishAt: '2025-08-01T00:00:00Z' }, 'input.publishAt'],
    ] as const) {
      const response = await postGraphQL(hub.url, DRAFT, { input: { ...good, ...change } }, officer);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badDate = await postGraphQL(hub.url, DRAFT, { input: { ...good, publishAt: 'yesterday' } }, officer);
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await posts(NT.id, officer, true)).edges.filter((e) => e.node.title === 'Thông báo')).toEqual([]);
    const drafted = await postGraphQL<{ draftPortalPost: { portalPost: { id: string } } }>(hub.url, DRAFT, { input: good }, officer);
    const id = drafted.data!.draftPortalPost.portalPost.id;
    const badUpdate = await postGraphQL(hub.url, UPDATE, { input: { id, title: '' } }, officer);
    expect(badUpdate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const afterMerger = await postGraphQL(hub.url, UPDATE, { input: { id, publishAt: '2025-08-01T00:00:00Z' } }, officer);
    expect(afterMerger.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publishAt' });
    const noReason = await postGraphQL(hub.url, REJECT, { input: { id } }, chair);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect((await posts(NT.id, officer, true)).edges.find((e) => e.node.id === id)!.node).toMatchObject({ title: 'Thông báo', status: 'DRAFT', rejectionReason: null });
  });
});
