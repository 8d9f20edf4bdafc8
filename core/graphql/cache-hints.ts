import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import { todayInVietnam } from '../time.js';

/**
 * How long a public answer may be reused (the gateway's response cache, a browser, a CDN). Apollo
 * Server gives every field that returns an object, and every root field, a max-age of 0 unless it
 * has a hint, and an answer is cached only when every field allows it: a field nobody thought
 * about is never cached. Answers that read the viewer are private (viewer-cache-scope.ts).
 */
export const CACHE_SECONDS = {
  /** Registries and closed periods: units, schools, rooms; KPIs of a year, month or day that is over. Changed by imports and officers' corrections, so minutes, not days. */
  stable: 300,
  /** Figures of the current period and lists that grow (this year's KPIs, posts, producers). */
  current: 30,
} as const;

/** The directive Apollo Server reads (no `scope` argument: scope comes from whether the viewer was read). */
export const CACHE_CONTROL_DIRECTIVE_SDL = 'directive @cacheControl(maxAge: Int, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION';

/** On a type: fields returning it may be cached as long as the stable registries. */
export const STABLE_TYPE = `@cacheControl(maxAge: ${CACHE_SECONDS.stable})`;

/**
 * On a type that is only part of its parent's answer (a KPI's target, a connection's edges, a
 * page's items): it is as fresh as the field that returned it. At the root it still gets 0.
 */
export const PART_OF_PARENT = '@cacheControl(inheritMaxAge: true)';

/** This field's answer may be reused for `maxAge` seconds (never longer than the rest of the answer allows). */
export function cacheFor(info: GraphQLResolveInfo, maxAge: number): void {
  maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge });
}

/** A figure for a period: stable once the period is over (Asia/Ho_Chi_Minh), short-lived while it runs or lies ahead. */
export function cacheForPeriod(info: GraphQLResolveInfo, period: { year: number } | { month: string } | { day: string }, today: string = todayInVietnam()): void {
  const over = 'year' in period ? period.year < Number(today.slice(0, 4)) : 'month' in period ? period.month < today.slice(0, 7) : period.day < today;
  cacheFor(info, over ? CACHE_SECONDS.stable : CACHE_SECONDS.current);
}
