import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textProblem } from '../../../core/graphql/text-hygiene.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';
import { captureLogs } from '../../helpers/log-capture.js';

describe('text hygiene: the one check of every string a caller sends', () => {
  it('refuses NUL and C0 controls other than tab and newline, and unpaired surrogates, never quoting the value', () => {
    expect(textProblem('Đường\tlàng\nxóm 3')).toBeNull();
    expect(textProblem('😀 Bí xanh')).toBeNull();
    expect(textProblem('a\u0000b')).toMatch(/U\+0000/);
    expect(textProblem('a\rb')).toMatch(/U\+000D/);
    expect(textProblem('x\u001fy')).toMatch(/U\+001F/);
    expect(textProblem('\ud800')).toMatch(/surrogate/);
    expect(textProblem('a\udc00')).toMatch(/surrogate/);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !(textProblem(s) ?? '').includes(s) || s === ''));
  });
});

/** Input fields whose values are people's data (or free text that may hold them). */
const PERSONAL = /name|phone|citizen|contact|description|address|note|reason|text|title|subject|summary|diagnosis|comment/i;

const unicode = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('\u0000', '\u0007', '\r', '\u001b', '\ud800', '\udfff'), fc.string({ unit: 'grapheme', maxLength: 10 })).map(([a, b, c]) => a + b + c),
);

type Generated = { value: unknown; personal: string[] };

/** A value of `type` for a mutation argument: arbitrary Unicode for every string, plausible values for the rest. */
function valueFor(type: GraphQLInputType, field: string, depth = 0): fc.Arbitrary<Generated> {
  if (isNonNullType(type)) return valueFor(type.ofType, field, depth);
  if (isListType(type)) return valueFor(type.ofType as GraphQLInputType, field, depth).map((g) => ({ value: [g.value], personal: g.personal }));
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name)).map((value) => ({ value, personal: [] }));
  if (isInputObjectType(type)) {
    // Required fields, and optional ones that carry text: String and ID scalars, and nested inputs (which hold more).
    const carriesText = (f: { type: GraphQLInputType }) => {
      const named = getNamedType(f.type);
      return (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) || isInputObjectType(named);
    };
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || (depth < 2 && carriesText(f)));
    return fc.tuple(...fields.map((f) => valueFor(f.type, f.name, depth + 1))).map((values) => ({
      value: Object.fromEntries(fields.map((f, i) => [f.name, values[i].value])),
      personal: values.flatMap((v) => v.personal),
    }));
  }
  switch (getNamedType(type).name) {
    case 'String':
    case 'ID':
      return unicode.map((value) => ({ value, personal: PERSONAL.test(field) && value.trim().length >= 6 ? [value] : [] }));
    case 'Int':
      return fc.integer({ min: 0, max: 5 }).map((value) => ({ value, personal: [] }));
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true }).map((value) => ({ value, personal: [] }));
    case 'Boolean':
      return fc.boolean().map((value) => ({ value, personal: [] }));
    case 'Date':
      return fc.constant({ value: '2021-06-01', personal: [] });
    case 'DateTime':
      return fc.constant({ value: '2021-06-01T08:00:00+07:00', personal: [] });
    case 'Vnd':
      return fc.integer({ min: 0, max: 1_000_000 }).map((value) => ({ value, personal: [] }));
    default:
      return unicode.map((value) => ({ value, personal: [] }));
  }
}

describe('every mutation, arbitrary Unicode in its string inputs (fast-check)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let schema: GraphQLSchema;
  let admin: Record<string, string>;
  const logs = captureLogs();

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, logger: logs.logger });
    admin = bearer(await signHubToken(env.config, { subject: 'admin-1', roles: [Role.ADMIN] }));
    const introspection = await postGraphQL<IntrospectionQuery>(hub.url, getIntrospectionQuery());
    schema = buildClientSchema(introspection.data!);
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('answers BAD_USER_INPUT, another public refusal or success, never INTERNAL_SERVER_ERROR, and logs no personal value', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    // Enumerated from the schema, so a new mutation is covered the day it lands: every subgraph's are all here.
    for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
      const sdl = (await postGraphQL<{ _service: { sdl: string } }>(subgraph!.url, '{ _service { sdl } }')).data!._service.sdl;
      const own = parse(sdl).definitions.flatMap((d) => ((d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Mutation' ? (d.fields ?? []).map((f) => f.name.value) : []));
      expect(own.length, `${name} has mutations`).toBeGreaterThan(0);
      expect(mutations.map((m) => m.name), `${name}'s mutations`).toEqual(expect.arrayContaining(own));
    }
    expect(Object.keys(hub.subgraphs).sort()).toEqual(['commerce', 'devices', 'governance', 'society']);
    const seen = new Map<string, Set<string>>();
    for (const mutation of mutations) {
      const args = mutation.args;
      const query = `mutation (${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')}) { ${mutation.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { __typename } }`;
      const generated = fc.tuple(...args.map((a) => valueFor(a.type, a.name)));
      await fc.assert(
        fc.asyncProperty(generated, async (values) => {
          logs.clear();
          const variables = Object.fromEntries(args.map((a, i) => [a.name, values[i].value]));
          const response = await postGraphQL(hub.url, query, variables, admin);
          const codes = (response.errors ?? []).map((e) => String(e.extensions?.code));
          for (const code of codes) (seen.get(mutation.name) ?? seen.set(mutation.name, new Set()).get(mutation.name)!).add(code);
          expect(codes, `${mutation.name} ${JSON.stringify(response.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
          expect(codes).not.toContain('SUBGRAPH_UNAVAILABLE');
          const log = logs.text();
          for (const value of values.flatMap((v) => v.personal)) {
            expect(log.includes(JSON.stringify(value).slice(1, -1)), `${mutation.name} logged a caller's personal value`).toBe(false);
          }
        }),
        { numRuns: 12 },
      );
    }
    // Control characters were met, and refused as bad input.
    expect([...seen.values()].some((codes) => codes.has('BAD_USER_INPUT'))).toBe(true);
  });

  it('refuses a NUL in a field report as BAD_USER_INPUT naming the field, and logs neither the statement nor the reporter', async () => {
    logs.clear();
    const response = await postGraphQL(
      hub.url,
      `mutation ($input: SubmitFieldReportInput!) { submitFieldReport(input: $input) { __typename } }`,
      { input: { communeId: '05068/2', category: 'ENVIRONMENTAL_SANITATION', description: 'Rác thải\u0000 đổ trộm', location: { address: 'Xóm Mới' }, reporter: { name: 'Nguyễn Thị Hoa', phone: '0912345678' } } },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(response.errors?.[0].message).not.toMatch(/Rác|insert/i);
    expect(logs.text()).not.toMatch(/0912345678|Nguyễn Thị Hoa|insert into/i);
    // The subgraph checks too, for what reaches its port signed but unchecked.
    const direct = await postGraphQL(hub.subgraphs.society!.url, `mutation ($input: SubmitFieldReportInput!) { submitFieldReport(input: $input) { __typename } }`, {
      input: { communeId: '05068/2', category: 'ENVIRONMENTAL_SANITATION', description: 'ok', location: { address: 'Xóm\ud800' } },
    });
    expect(direct.status).toBe(400);
    expect(direct.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.address' });
  });
});
