import { BigIntType, type EntityProperty, type Platform } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';

/**
 * A 64-bit id read as a JavaScript number (exact to 2^53). PostgreSQL declares it bigint. SQLite
 * declares it integer: an AUTOINCREMENT key must be declared so, SQLite's integer holds 64 bits
 * already, and columns made as integer before stay as they are (SQLite changes a column's declared
 * type only by rebuilding its table, which would copy every row for a name).
 */
export class Int64IdType extends BigIntType<'number'> {
  constructor() {
    super('number');
  }

  override getColumnType(prop: EntityProperty, platform: Platform): string {
    return platform instanceof BaseSqlitePlatform ? platform.getIntegerTypeDeclarationSQL(prop) : super.getColumnType(prop, platform);
  }
}
