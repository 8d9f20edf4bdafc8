import { forbidden, unauthenticated } from '../../core/domain-errors.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { audited, permits, rowScope, type AccessRule, type AccessTarget, type FilterRule, type Grant, type Refusal, type RowScope } from './access-rule.js';
import { ACCESS_RULES, type FilteredField, type GuardedField, type RestrictedField } from './access-rules.js';
import { recordRefusedRead } from './refused-read.store.js';

/** The record a refusal is logged against (its id, or the commune for a list). */
export interface AuditRef {
  target: string;
  /** The target's unit; a function when finding it costs a query, called only on a refusal. */
  communeId?: string | null | (() => Promise<string | null>);
}

async function log(context: SubgraphContext, field: RestrictedField, ref: AuditRef): Promise<void> {
  const communeId = typeof ref.communeId === 'function' ? await ref.communeId() : ref.communeId;
  await recordRefusedRead(context, { field, target: ref.target, communeId: communeId ?? null });
}

/** Logs the refusal when the rule says so, then answers as the rule says: false for `null`, else the error. */
async function refuse(context: SubgraphContext, field: RestrictedField, rule: { grants: readonly Grant[]; refused: Refusal; unaudited?: string; why: string }, ref: AuditRef, message?: string): Promise<false> {
  if (audited(rule)) await log(context, field, ref);
  if (rule.refused.kind === 'null') return false;
  const text = message ?? `${field} is for ${rule.grants.map((g) => `${g.role} (${g.over})`).join(' or ')}: ${rule.why}. See docs/access.md.`;
  throw !context.viewer && rule.refused.anonymous === 'UNAUTHENTICATED' ? unauthenticated(text) : forbidden(text);
}

/**
 * The one guard of a restricted field, by its rule in ACCESS_RULES. True when the viewer may read it;
 * otherwise the refusal is logged when the rule says so, then the field answers as the rule says:
 * false for a `null` rule (the resolver returns null), FORBIDDEN or UNAUTHENTICATED for an `error` rule.
 */
export async function readAccess(context: SubgraphContext, field: GuardedField, target: AccessTarget, ref: AuditRef, message?: string): Promise<boolean> {
  const rule: AccessRule = ACCESS_RULES[field];
  if (await permits(rule, context.viewer, target)) return true;
  return refuse(context, field, rule, ref, message);
}

/**
 * The one guard of a filtered list, by its rule in ACCESS_RULES: which rows the viewer sees (all, its
 * producers' or the public ones), or null for a `null` refusal; an `error` refusal throws, as
 * readAccess does. A caller with no row grant is logged when the rule says so, whether it is refused
 * or answered only the public rows (the rows it asked for and is not entitled to were withheld).
 */
export async function readRows(context: SubgraphContext, field: FilteredField, target: AccessTarget, ref: AuditRef, message?: string): Promise<RowScope | null> {
  const rule: FilterRule = ACCESS_RULES[field];
  const scope = await rowScope(rule, context.viewer, target);
  if (scope?.kind === 'public' && audited(rule)) await log(context, field, ref);
  if (scope) return scope;
  const refused = rule.refused as Refusal;
  return refuse(context, field, { grants: rule.sees, refused, unaudited: rule.unaudited, why: rule.why }, ref, message).then(() => null);
}
