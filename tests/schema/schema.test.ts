import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getNamedType, parse, print, visit, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSchemaOf, breakingChanges } from '../../scripts/support/compose.js';
import { generateSchemaFiles, staleSchemaFiles } from '../../scripts/support/schema-files.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';

describe('the published schema', () => {
  let files: Map<string, string>;
  let api: GraphQLSchema;

  beforeAll(async () => {
    files = await generateSchemaFiles(SUBGRAPHS);
    api = apiSchemaOf(files.get('supergraph.graphql')!);
  });

  it('is checked in exactly as the code prints it (npm run schema:compose)', () => {
    expect(staleSchemaFiles(path.join(process.cwd(), 'schema'), files)).toEqual([]);
  });

  describe('schema:check', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'hub-schema-'));
      for (const [file, content] of files) writeFileSync(path.join(dir, file), content);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('flags a subgraph whose code changed its schema without recompose', async () => {
      expect(staleSchemaFiles(dir, files)).toEqual([]);
      @ObjectType({ description: 'A type added in code but not recomposed.' })
      class Extra {
        @Field(() => String, { description: 'x' })
        value!: string;
      }
      @Resolver()
      class ExtraResolver {
        @Query(() => Extra, { nullable: true, description: 'A query added in code but not recomposed.' })
        extraThing(): Extra | null {
          return null;
        }
      }
      const governance = SUBGRAPHS.governance!;
      const changed = await generateSchemaFiles({ ...SUBGRAPHS, governance: { ...governance, resolvers: [...governance.resolvers, ExtraResolver] } });
      expect(staleSchemaFiles(dir, changed)).toEqual(['governance.graphql', 'supergraph.graphql']);
    });

    it('lists a removed field as a breaking change', () => {
      const before = files.get('supergraph.graphql')!;
      const after = print(
        visit(parse(before), {
          FieldDefinition: (node) => (node.name.value === 'communeById' ? null : undefined),
        }),
      );
      expect(after).not.toContain('communeById');
      expect(breakingChanges(before, after)).toEqual([expect.stringContaining('Query.communeById was removed')]);
    });
  });

  it('describes every type, field, argument and enum value (SCHEMA.md)', () => {
    const missing: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('follows the naming conventions: camelCase fields, UPPER_SNAKE enum values, money fields end in Vnd', () => {
    const problems: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!/^[A-Z][A-Z0-9_]*$/.test(value.name)) problems.push(`${type.name}.${value.name}`);
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!/^_?[a-z][A-Za-z0-9]*$/.test(field.name)) problems.push(`${type.name}.${field.name}: not camelCase`);
          if ((getNamedType(field.type as GraphQLOutputType) as GraphQLNamedType).name === 'Vnd' && !/Vnd$/.test(field.name)) problems.push(`${type.name}.${field.name}: Vnd field must end in Vnd`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
