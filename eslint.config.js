// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The EntityManager calls a resolver leaves to its query or command (the same list as issue 10's counting grep). */
const ORM_CALLS =
  '/^(find|findOne|findOneOrFail|persist|flush|count|create|getReference|transactional|nativeUpdate|nativeDelete|remove|assign|getConnection|execute|qb|createQueryBuilder|populate|upsert|insert)$/';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '**/migrations/**/Migration*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Import cycles, including those closed through a dynamic `import()` (which tsc does not see):
    // a part that needs its subgraph gets it through its context, never by importing the index back.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }] },
  },
  {
    // Resolvers stay thin (CONTRIBUTING.md, "File roles"): they read arguments and context and call one
    // query or command, which owns the ORM work.
    files: ['subgraphs/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // `em.find(…)` and `context.em.find(…)`
        ...["[object.name='em']", "[object.property.name='em']"].map((receiver) => ({
          selector: `CallExpression > MemberExpression.callee${receiver}[property.name=${ORM_CALLS}]`,
          message: 'A resolver does not call the ORM: move this into a *.query.ts or *.command.ts that takes the EntityManager (context.em), and call that.',
        })),
      ],
    },
  },
);
