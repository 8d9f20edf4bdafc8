import { forbidden, unauthenticated } from '../../core/domain-errors.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { permits, type AccessRule, type AccessTarget } from './access-rule.js';
import { ACCESS_RULES, type RestrictedField } from './access-rules.js';
import { recordRefusedRead } from './refused-read.store.js';

/** The record a refusal is logged against (its id, or the commune for a list). */
export interface AuditRef {
  target: string;
  communeId?: string | null;
}

/**
 * The one guard of a restricted field, by its rule in ACCESS_RULES. True when the viewer may read it;
 * otherwise the refusal is logged when the rule says so, then the field answers as the rule says:
 * false for a `null` rule (the resolver returns null), FORBIDDEN or UNAUTHENTICATED for an `error` rule.
 */
export async function readAccess(context: SubgraphContext, field: RestrictedField, target: AccessTarget, ref: AuditRef, message?: string): Promise<boolean> {
  const rule: AccessRule = ACCESS_RULES[field];
  if (await permits(rule, context.viewer, target)) return true;
  if (rule.audited) await recordRefusedRead(context, { field, target: ref.target, communeId: ref.communeId ?? null });
  if (rule.refused.kind === 'null') return false;
  const text = message ?? `${field} is for ${rule.grants.map((g) => `${g.role} (${g.over})`).join(' or ')}: ${rule.why}. See docs/access.md.`;
  throw !context.viewer && rule.refused.anonymous === 'UNAUTHENTICATED' ? unauthenticated(text) : forbidden(text);
}
