import { Migration } from '@mikro-orm/migrations';

export class Migration20261127064227 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`broadcast\` (\`id\` text not null, \`commune_id\` text not null, \`title\` text not null, \`content\` text not null, \`priority\` text check (\`priority\` in ('NORMAL', 'PRIORITY', 'EMERGENCY')) not null, \`starts_at\` datetime not null, \`duration_seconds\` integer not null, \`created_at\` datetime not null, \`created_by\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`broadcast_commune_id_starts_at_id_index\` on \`broadcast\` (\`commune_id\`, \`starts_at\`, \`id\`);`);

    this.addSql(`create table \`broadcast_target\` (\`broadcast_id\` text not null, \`cluster_id\` text not null, \`starts_at\` datetime not null, \`ends_at\` datetime not null, \`preempted_by_id\` text null, \`interrupted\` integer not null default false, \`report\` text check (\`report\` in ('PLAYED', 'FAILED')) null, \`failure_reason\` text null, primary key (\`broadcast_id\`, \`cluster_id\`));`);
    this.addSql(`create index \`broadcast_target_cluster_id_ends_at_index\` on \`broadcast_target\` (\`cluster_id\`, \`ends_at\`);`);

    this.addSql(`create table \`camera\` (\`id\` text not null, \`commune_id\` text not null, \`name\` text not null, \`location\` text not null, \`purpose\` text check (\`purpose\` in ('SECURITY', 'TRAFFIC', 'PUBLIC_ORDER', 'DISASTER_WATCH', 'OTHER')) not null, \`feeds\` json not null, \`stream_url\` text null, \`state\` text check (\`state\` in ('PLANNED', 'INSTALLED', 'FAULTY')) not null, \`installed_on\` date null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`camera_commune_id_index\` on \`camera\` (\`commune_id\`);`);

    this.addSql(`create table \`device\` (\`id\` text not null, \`commune_id\` text not null, \`kind\` text check (\`kind\` in ('RADIO_RECEIVER', 'CAMERA')) not null, \`cluster_id\` text null, \`camera_id\` text null, \`label\` text not null, \`credential_hash\` text not null, \`offline_after_seconds\` integer not null, \`registered_at\` datetime not null, \`retired_at\` datetime null, \`last_seen_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`device_camera_id_index\` on \`device\` (\`camera_id\`);`);
    this.addSql(`create index \`device_cluster_id_index\` on \`device\` (\`cluster_id\`);`);
    this.addSql(`create index \`device_commune_id_index\` on \`device\` (\`commune_id\`);`);

    this.addSql(`create table \`device_heartbeat\` (\`device_id\` text not null, \`received_at\` datetime not null, primary key (\`device_id\`, \`received_at\`));`);

    this.addSql(`create table \`radio_cluster\` (\`id\` text not null, \`commune_id\` text not null, \`village\` text not null, \`device_count\` integer not null, \`loudspeaker_count\` integer not null, \`state\` text check (\`state\` in ('PLANNED', 'INSTALLED', 'FAULTY')) not null, \`installed_on\` date null, \`note\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`radio_cluster_commune_id_village_index\` on \`radio_cluster\` (\`commune_id\`, \`village\`);`);
  }

}
