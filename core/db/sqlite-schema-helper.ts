import type { AbstractSqlConnection, CheckDef } from '@mikro-orm/knex';
import { BetterSqliteSchemaHelper } from '@mikro-orm/better-sqlite';
import type { Dictionary, Transaction } from '@mikro-orm/core';

/** `"col" text check ("col" in ('A', 'B', 'C'))`, any identifier quoting, quotes inside values doubled. */
const ENUM_CHECK = /[`"[]([^`"\]]+)[`"\]] text check \(\s*[`"[][^`"\]]+[`"\]] in \(((?:\s*'(?:[^']|'')*'\s*,?)*)\s*\)\s*\)/gi;
const QUOTED = /'((?:[^']|'')*)'/g;

/** The allowed values of each enum column, read from a table's CREATE statement. */
export function enumChecksOf(createSql: string): Dictionary<string[]> {
  const enums: Dictionary<string[]> = {};
  for (const [, column, list] of createSql.matchAll(ENUM_CHECK)) {
    enums[column] = [...list.matchAll(QUOTED)].map((m) => m[1].replace(/''/g, "'"));
  }
  return enums;
}

/**
 * MikroORM 6.6 reads an enum check back from SQLite with a split that keeps only the first and the
 * last value of three or more, so every such column looks changed against its entity and
 * `migration:create` rebuilds every table that has one. This reads every value.
 */
export class HubSqliteSchemaHelper extends BetterSqliteSchemaHelper {
  override async getEnumDefinitions(connection: AbstractSqlConnection, _checks: CheckDef[], tableName: string, _schemaName: string, ctx?: Transaction): Promise<Dictionary<string[]>> {
    const table = await connection.execute<{ sql?: string }>('select sql from sqlite_master where type = ? and name = ?', ['table', tableName], 'get', ctx);
    return table?.sql ? enumChecksOf(table.sql) : {};
  }
}
