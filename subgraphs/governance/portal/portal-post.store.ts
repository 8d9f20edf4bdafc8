import type { EntityManager } from '@mikro-orm/core';
import { executeSql, isSqlite, tableName, type SqlValue } from '../common/dialect.js';
import type { PortalPost } from './portal-post.entity.js';
import { PostStatus, type PortalCategory } from './portal.rules.js';

export interface PortalPostPage {
  /** A page of posts (limit + 1 when there are more): plain rows of the entity's shape, owned by no unit of work; read them, never persist them. */
  rows: PortalPost[];
  totalCount: number;
}

export interface PortalPostWindow {
  communeId: string;
  category?: PortalCategory | null;
  /** Only the posts published at this instant (APPROVED, publishAt ≤ it < expireAt); absent: every post. */
  publishedAt?: Date;
  /** The last post of the previous page: its publishAt (epoch ms) and id. */
  after?: readonly [number, string];
  /** Rows to read: the page size plus one, to know whether more follow. */
  rows: number;
}

const INSTANTS = ['publish_at', 'expire_at', 'reviewed_at', 'updated_at'] as const;

/** The columns, instants as epoch milliseconds on both databases (SQLite stores them so; PostgreSQL's come back as text otherwise). */
function columns(em: EntityManager): string {
  const instant = (column: string) => (isSqlite(em) ? column : `(extract(epoch from ${column}) * 1000)::float8 as ${column}`);
  return ['id', 'commune_id', 'category', 'title', 'summary', 'body', 'status', 'author', 'reviewed_by', 'rejection_reason', ...INSTANTS.map(instant)].join(', ');
}

function toPost(row: Record<string, unknown>): PortalPost {
  const instant = (value: unknown) => (value === null || value === undefined ? null : new Date(Number(value)));
  return {
    id: String(row.id),
    communeId: String(row.commune_id),
    category: row.category as PortalCategory,
    title: String(row.title),
    summary: (row.summary as string | null) ?? null,
    body: String(row.body),
    status: row.status as PostStatus,
    publishAt: instant(row.publish_at)!,
    expireAt: instant(row.expire_at),
    author: String(row.author),
    reviewedBy: (row.reviewed_by as string | null) ?? null,
    reviewedAt: instant(row.reviewed_at),
    rejectionReason: (row.rejection_reason as string | null) ?? null,
    updatedAt: instant(row.updated_at)!,
  };
}

/**
 * A page of a commune's posts, newest publishAt first (keyset on publishAt, id), with the count of
 * the whole list, read raw: through em.count and em.find the query building and hydration were most
 * of the CPU a commune page's governance part spent. The first page is one statement (the count is a
 * window over the same rows, taken before the limit); a later page adds the count without the cursor.
 */
export async function pagePortalPosts(em: EntityManager, window: PortalPostWindow): Promise<PortalPostPage> {
  const table = tableName(em, 'portal_post');
  let where = 'commune_id = ?';
  const params: SqlValue[] = [window.communeId];
  if (window.category) {
    where += ' and category = ?';
    params.push(window.category);
  }
  if (window.publishedAt) {
    where += ' and status = ? and publish_at <= ? and (expire_at is null or expire_at > ?)';
    params.push(PostStatus.APPROVED, window.publishedAt, window.publishedAt);
  }
  const order = 'order by publish_at desc, id desc limit ?';
  if (!window.after) {
    const rows = await executeSql(em, `select ${columns(em)}, count(*) over () as total_count from ${table} where ${where} ${order}`, [...params, window.rows]);
    return { rows: rows.map(toPost), totalCount: rows.length ? Number(rows[0]!.total_count) : 0 };
  }
  const [publishAt, id] = window.after;
  const cursor = new Date(publishAt);
  const [counted, rows] = await Promise.all([
    executeSql<{ n: number | string }>(em, `select count(*) as n from ${table} where ${where}`, params),
    executeSql(em, `select ${columns(em)} from ${table} where ${where} and (publish_at < ? or (publish_at = ? and id < ?)) ${order}`, [...params, cursor, cursor, id, window.rows]),
  ]);
  return { rows: rows.map(toPost), totalCount: Number(counted[0]?.n ?? 0) };
}
