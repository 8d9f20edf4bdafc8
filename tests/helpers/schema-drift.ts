import type { MikroORM } from '@mikro-orm/core';
import { DatabaseSchema, SchemaComparator, type AbstractSqlConnection, type AbstractSqlPlatform } from '@mikro-orm/knex';

/**
 * What the database lacks compared with the entities, as "table.column: what" lines. On SQLite,
 * MikroORM 6.6 misreads enum check constraints of three or more values (its splitter keeps only
 * the first and last), so differences in enum items alone are not drift there.
 */
export async function schemaDrift(orm: MikroORM): Promise<string[]> {
  const platform = orm.em.getPlatform() as AbstractSqlPlatform;
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const actual = await DatabaseSchema.create(connection, platform, orm.config, orm.config.get('schema'));
  const expected = (orm.getSchemaGenerator() as unknown as { getTargetSchema(schema?: string): DatabaseSchema }).getTargetSchema(orm.config.get('schema'));
  const diff = new SchemaComparator(platform).compare(actual, expected);
  const sqlite = platform.constructor.name.toLowerCase().includes('sqlite');
  const lines: string[] = [];
  // Subgraphs share a PostgreSQL database, one schema each: another schema's tables are not drift.
  const schema = orm.config.get('schema');
  const ours = (table: string) => !schema || table.startsWith(`${schema}.`);
  lines.push(...Object.keys(diff.newTables).filter(ours).map((t) => `${t}: table missing`));
  lines.push(...Object.keys(diff.removedTables).filter(ours).map((t) => `${t}: table not described by any entity`));
  for (const [table, change] of Object.entries(diff.changedTables)) {
    if (!ours(table)) continue;
    for (const name of Object.keys(change.addedColumns)) lines.push(`${table}.${name}: column missing`);
    for (const name of Object.keys(change.removedColumns)) lines.push(`${table}.${name}: column not in the entity`);
    for (const [name, column] of Object.entries(change.changedColumns)) {
      const props = Object.keys(column.changedProperties);
      const enumOnly = props.length === 0 || (props.length === 1 && props[0] === 'enumItems');
      if (!(sqlite && enumOnly)) lines.push(`${table}.${name}: ${props.join(', ') || 'enum items'} differ`);
    }
    for (const name of Object.keys(change.addedIndexes)) lines.push(`${table}: index ${name} missing`);
    for (const name of Object.keys(change.removedIndexes)) lines.push(`${table}: index ${name} not in the entity`);
    for (const name of Object.keys(change.addedForeignKeys)) lines.push(`${table}: foreign key ${name} missing`);
  }
  return lines;
}
