import { MikroORM } from '@mikro-orm/core';
import { DatabaseSchema, type AbstractSqlConnection, type AbstractSqlPlatform, type SqlSchemaGenerator } from '@mikro-orm/knex';
import type { Migrator } from '@mikro-orm/migrations';
import { ormOptions, type DatabaseDefinition, type DatabaseTarget } from '../../core/db/database.js';

/**
 * A `--name` as the snake_case suffix MikroORM puts into the class and file name
 * (`Migration20261202010759_refused_reads`): "add-documents", "Add documents" and "add_documents"
 * all give "add_documents". Anything that is not a letter or digit separates words.
 */
export function migrationLabel(raw: string): string {
  const label = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!label) throw new Error(`--name "${raw}" has no letter or digit: give a short label such as --name add-documents.`);
  if (label.length > 60) throw new Error(`--name "${raw}" is ${label.length} characters as a label; keep it to 60.`);
  return label;
}

/** MikroORM separates groups of statements with empty strings. */
const statements = (lines: string[]) => lines.filter((line) => line.trim());

export interface CreatedMigration {
  /** The file written into `folder`; empty when entities and migrations already agree. */
  fileName: string;
  /** The statements of its `up()`. */
  up: string[];
}

/**
 * Applies the definition's checked-in migrations to the empty database at `target`, compares the
 * result with its entities and, if they differ, writes the migration that closes the gap into
 * `folder` (with `write: false`, only says what it would hold).
 */
export async function createMigration(
  definition: DatabaseDefinition,
  target: DatabaseTarget,
  options: { folder: string; label?: string; write?: boolean },
): Promise<CreatedMigration> {
  const base = ormOptions(definition, target);
  const orm = await MikroORM.init({ ...base, migrations: { ...base.migrations, path: options.folder, pathTs: options.folder } });
  try {
    const migrator = orm.getMigrator() as Migrator;
    await migrator.up();
    if (target.kind === 'sqlite') {
      const built = await sqliteSchemaAsBuilt(orm);
      // MikroORM compares against a snapshot when one is given and introspects otherwise (snapshots
      // are off here): handing it the adjusted introspection is the one seam its Migrator offers.
      Object.assign(migrator, { getSchemaFromSnapshot: () => built });
    }
    if (options.write === false) {
      // The comparison createMigration makes, without the file: MikroORM keeps it protected.
      const diff = await (migrator as unknown as { getSchemaDiff(blank: boolean, initial: boolean): Promise<{ up: string[] }> }).getSchemaDiff(false, false);
      return { fileName: '', up: statements(diff.up) };
    }
    const result = await migrator.createMigration(options.folder, false, false, options.label ? migrationLabel(options.label) : undefined);
    return { fileName: result.fileName, up: statements(result.diff.up) };
  } finally {
    await orm.close(true);
  }
}

/**
 * The SQLite schema as the migrations built it, read back, with one allowance: SQLite can only add a
 * NOT NULL column with a default (`alter table … add column … not null default '{}'`) and cannot
 * drop that default without rebuilding the table, while PostgreSQL drops it right after. A default
 * the database has on a NOT NULL column whose entity declares none is therefore not a change to make.
 */
async function sqliteSchemaAsBuilt(orm: MikroORM): Promise<DatabaseSchema> {
  const generator = orm.schema as unknown as SqlSchemaGenerator;
  const entities = generator.getTargetSchema();
  const platform = orm.em.getPlatform() as AbstractSqlPlatform;
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const built = await DatabaseSchema.create(connection, platform, orm.config, undefined, entities.getNamespaces(), undefined, orm.config.get('schemaGenerator').skipTables);
  for (const table of built.getTables()) {
    const declared = entities.getTable(table.name);
    for (const column of table.getColumns()) {
      const entityColumn = declared?.getColumn(column.name);
      if (entityColumn && !column.nullable && column.default != null && entityColumn.default == null) column.ignoreSchemaChanges = ['default'];
    }
  }
  return built;
}
