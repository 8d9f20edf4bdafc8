/**
 * Who is calling, as a verified token says. `null` in a context means anonymous: public data only.
 * Core knows no role or scope names; the domain defines them (subgraphs/shared/roles.ts).
 */
export interface Viewer {
  subject: string;
  /** Role names the token carries. */
  roles: readonly string[];
  /** Scoping claims: every string-list claim of the token besides `roles`, by claim name (e.g. `communes`). */
  scopes: Readonly<Record<string, readonly string[]>>;
}
