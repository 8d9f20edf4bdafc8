import { Migration } from '@mikro-orm/migrations';

export class Migration20261202011220 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`reconciliation_period\` (\`id\` text not null, \`provider\` text not null, \`period_label\` text not null, \`period_start\` date not null, \`period_end\` date not null, \`closed\` integer not null, \`closed_at\` datetime not null, \`closed_by\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`reconciliation_period_provider_period_label_unique\` on \`reconciliation_period\` (\`provider\`, \`period_label\`);`);

    this.addSql(`create table \`reconciliation_period_event\` (\`id\` integer not null primary key autoincrement, \`period_id\` text not null, \`action\` text check (\`action\` in ('CLOSE', 'REOPEN')) not null, \`actor\` text not null, \`at\` datetime not null, \`reason\` text not null);`);
    this.addSql(`create index \`reconciliation_period_event_period_id_at_index\` on \`reconciliation_period_event\` (\`period_id\`, \`at\`);`);

    this.addSql(`alter table \`reconciliation_item\` add column \`resolution_category\` text null;`);
    this.addSql(`alter table \`reconciliation_item\` add column \`carried_from_item_id\` integer null;`);
    this.addSql(`alter table \`reconciliation_item\` add column \`settled_by_item_id\` integer null;`);
    this.addSql(`alter table \`reconciliation_item\` add column \`settled_by_run_id\` text null;`);

    this.addSql(`alter table \`reconciliation_resolution\` add column \`action\` text check (\`action\` in ('RESOLVE', 'REOPEN')) not null default 'RESOLVE';`);
    this.addSql(`alter table \`reconciliation_resolution\` add column \`category\` text check (\`category\` in ('PAID_OUTSIDE_STATEMENT', 'REFUNDED', 'PROVIDER_ERROR', 'LEDGER_CORRECTED', 'ACCEPTED', 'WRITE_OFF', 'OTHER')) null;`);
    this.addSql(`alter table \`reconciliation_resolution\` add column \`status\` text check (\`status\` in ('EFFECTIVE', 'PENDING_APPROVAL', 'WITHDRAWN')) not null default 'EFFECTIVE';`);
    this.addSql(`alter table \`reconciliation_resolution\` add column \`amount_vnd\` bigint null;`);
    this.addSql(`alter table \`reconciliation_resolution\` add column \`approved_by\` text null;`);
    this.addSql(`alter table \`reconciliation_resolution\` add column \`approved_at\` datetime null;`);
    this.addSql(`alter table \`reconciliation_resolution\` add column \`carried_from_run_id\` text null;`);

    this.addSql(`alter table \`reconciliation_run\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`reconciliation_run\` add column \`current_key\` text null;`);
    this.addSql(`alter table \`reconciliation_run\` add column \`supersedes_run_id\` text null;`);
    this.addSql(`alter table \`reconciliation_run\` add column \`superseded_by_run_id\` text null;`);
    this.addSql(`alter table \`reconciliation_run\` add column \`superseded_at\` datetime null;`);
    this.addSql(`create unique index \`reconciliation_run_current_key_unique\` on \`reconciliation_run\` (\`current_key\`);`);
    // Runs from before versions: the newest of each provider and period is the current one.
    this.addSql(`update \`reconciliation_run\` set \`current_key\` = \`provider\` || '|' || \`period_label\` where not exists (select 1 from \`reconciliation_run\` o where o.\`provider\` = \`reconciliation_run\`.\`provider\` and o.\`period_label\` = \`reconciliation_run\`.\`period_label\` and (o.\`imported_at\` > \`reconciliation_run\`.\`imported_at\` or (o.\`imported_at\` = \`reconciliation_run\`.\`imported_at\` and o.\`id\` > \`reconciliation_run\`.\`id\`)));`);

  }

}
