import type { Configuration } from '@mikro-orm/core';
import { BetterSqliteDriver, BetterSqlitePlatform } from '@mikro-orm/better-sqlite';
import { HubSqliteSchemaHelper } from './sqlite-schema-helper.js';

/**
 * SQLite keeps datetimes as epoch milliseconds. MikroORM 6.6 turns them into Date objects while
 * mapping a loaded row, keeps that row as the entity's original state, then snapshots the entity
 * with its dates as numbers: every loaded datetime looks changed and is written back on the next
 * flush, undoing what another request or process wrote meanwhile. Keeping the mapped value a
 * number makes both sides numbers; the hydrator still gives entities Date objects.
 */
class HubSqlitePlatform extends BetterSqlitePlatform {
  protected override readonly schemaHelper: HubSqliteSchemaHelper = new HubSqliteSchemaHelper(this);

  override parseDate(value: string | number): Date {
    return (typeof value === 'number' ? value : super.parseDate(value)) as Date;
  }
}

/** BetterSqliteDriver with the platform above (still `instanceof BetterSqliteDriver` for dialect checks). */
export class HubSqliteDriver extends BetterSqliteDriver {
  constructor(config: Configuration) {
    super(config);
    // The platform is only stored by the base constructor, not handed to anything yet.
    Object.defineProperty(this, 'platform', { value: new HubSqlitePlatform(), writable: false });
  }
}
