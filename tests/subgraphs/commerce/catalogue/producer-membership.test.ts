import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { startCommerce } from '../support/commerce-harness.js';

/** A pilot producer nobody has recorded members for: the token's claim still decides (bootstrap). */
const PILOT_PRODUCER = 'pilot-voso-04';

describe.each([
  { label: 'SQLite', postgres: false },
  { label: 'PostgreSQL', postgres: true },
])('recorded producer members decide access ($label)', ({ postgres }) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let manager: Record<string, string>;
  let producerId: string;
  let productId: string;

  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    env = await createTestEnvironment({ postgres });
    subgraph = await startCommerce(env);
    manager = bearer(await signHubToken(env.config, { subject: 'manager-05068', roles: [Role.COOPERATIVE_MANAGER], communeCodes: ['05068'] }));
    const created = await gql(manager, `mutation { createProducer(input: { kind: HOUSEHOLD, name: "Hộ Bùi Văn Lâm", communeId: "05068/1", contactName: "Bùi Văn Lâm", contactPhone: "0912345678" }) { producer { id } } }`);
    producerId = created.createProducer.producer.id as string;
  }, 60_000);
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  async function gql(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
    const result = await postGraphQL(subgraph.url, query, variables, headers);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  const token = async (subject: string, options: { roles?: Role[]; producerIds?: string[] } = {}) =>
    bearer(await signHubToken(env.config, { subject, roles: options.roles ?? [Role.PRODUCER], producerIds: options.producerIds }));
  const rename = (headers: Record<string, string>, name: string) =>
    postGraphQL(subgraph.url, `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { product { name } } }`, { i: { productId, name } }, headers);
  const member = (verb: 'add' | 'remove', subject: string) =>
    gql(manager, `mutation($i: ProducerMemberInput!) { ${verb}ProducerMember(input: $i) { producer { id } } }`, { i: { producerId, subject, displayName: 'Bùi Thị Hoa' } });
  const privateView = async (headers: Record<string, string>) => {
    const read = await postGraphQL(subgraph.url, `query($p: ID!, $id: ID!) { product(id: $id) { id } producer(id: $p) { contact { name } shopConnections { marketplace } } }`, { p: producerId, id: productId }, headers);
    return read.data as { product: unknown; producer: { contact: unknown; shopConnections: unknown } };
  };

  it.skipIf(postgres && !TEST_DATABASE_URL)('a claim works only until the first member is recorded; then the record decides, and a removal revokes at the next request', async () => {
    // Bootstrap: no member recorded yet, so a producer token claiming the producer acts for it (as tokens did before).
    const claimOnly = await token('claim-only', { producerIds: [producerId] });
    const created = await gql(claimOnly, `mutation($p: ID!) { createProduct(input: { producerId: $p, name: "Bí xanh Lâm", category: "vegetables", unit: "kg", netWeightGrams: 1000, priceVnd: 20000, stock: 10 }) { product { id } } }`, { p: producerId });
    productId = created.createProduct.product.id as string;

    // A member is recorded: their token needs no claim, only the producer role and their account id.
    await member('add', 'hoa');
    const hoa = await token('hoa');
    expect((await rename(hoa, 'Bí xanh nhà Hoa')).data).toEqual({ updateProduct: { product: { name: 'Bí xanh nhà Hoa' } } });
    expect(await privateView(hoa)).toEqual({ product: { id: productId }, producer: { contact: { name: 'Bùi Văn Lâm' }, shopConnections: [] } });

    // From now on a claim the record does not back is refused, for writes and private reads alike.
    const refused = await rename(claimOnly, 'Bí xanh giả');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await privateView(claimOnly)).toEqual({ product: null, producer: { contact: null, shopConnections: null } });
    // The same account id with another role is not a member either (the role says what the account is).
    const officerHoa = await token('hoa', { roles: [Role.OFFICER] });
    expect((await rename(officerHoa, 'Bí xanh cán bộ')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Removed: the very next request is refused, whatever the token still claims.
    await member('remove', 'hoa');
    const hoaClaiming = await token('hoa', { producerIds: [producerId] });
    for (const headers of [hoa, hoaClaiming]) {
      expect((await rename(headers, 'Bí xanh sau khi rời')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await privateView(headers)).toEqual({ product: null, producer: { contact: null, shopConnections: null } });
    }
    const connect = await postGraphQL(subgraph.url, `mutation($p: ID!) { startShopAuthorization(input: { producerId: $p, marketplace: VOSO }) { authorizeUrl } }`, { p: producerId }, hoa);
    expect(connect.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const upload = await fetch(`${new URL(subgraph.url).origin}/products/${productId}/images`, { method: 'POST', headers: hoa, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    expect(upload.status).toBe(403);

    // Removing the last member does not reopen the claim: the producer's records stay the source of truth.
    expect((await rename(claimOnly, 'Bí xanh giả')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await gql(manager, `query($p: ID!) { producer(id: $p) { members { subject } } }`, { p: producerId });
    expect(read.producer.members).toEqual([]);
    // Nothing a refused caller sent was written: the product keeps the name its member gave it.
    const admin = await token('admin', { roles: [Role.ADMIN] });
    expect((await gql(admin, `query($id: ID!) { product(id: $id) { name } }`, { id: productId })).product).toEqual({ name: 'Bí xanh nhà Hoa' });
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('a producer with no recorded member still follows the claim (the pilot\'s producers), and only for the producers claimed', async () => {
    const pilot = await token('pilot-household', { producerIds: [PILOT_PRODUCER] });
    const products = await gql(pilot, `query($p: ID!) { producer(id: $p) { products(first: 1) { edges { node { id } } } } }`, { p: PILOT_PRODUCER });
    const pilotProductId = products.producer.products.edges[0].node.id as string;
    const changed = await postGraphQL(subgraph.url, `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { product { stock } } }`, { i: { productId: pilotProductId, stock: 7 } }, pilot);
    expect(changed.data).toEqual({ updateProduct: { product: { stock: 7 } } });
    // A claim does not reach a producer it does not name, recorded members or not.
    const other = await postGraphQL(subgraph.url, `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { product { stock } } }`, { i: { productId, stock: 1 } }, pilot);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
