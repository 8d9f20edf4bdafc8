import { listingLimitProblems } from '../../../connectors/marketplace/listing-limits.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import { invalidInput } from '../../../core/domain-errors.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { listingContent, type ListedProduct } from '../sync/listing-content.js';

/**
 * A product as it would be after a change, checked against the limits each marketplace's adapter
 * declares (connectors/<name>/index.ts), before anything is written or queued: a change a
 * marketplace would refuse is BAD_USER_INPUT naming the marketplace and the rule
 * (`extensions.marketplace`, `extensions.rule`), instead of a listing that fails later.
 * `fieldOf` names the input field at fault for a product field (e.g. `input.priceVnd`).
 */
export function checkMarketplaceLimits(product: ListedProduct, marketplaces: readonly Marketplace[], fieldOf: (productField: string) => string): void {
  // In registry order, so the marketplace named first does not depend on how listings were loaded.
  for (const adapter of MARKETPLACE_ADAPTERS.filter((a) => marketplaces.includes(a.code))) {
    const code = adapter.code;
    const problems = listingLimitProblems(adapter.limits, listingContent(product));
    const [first] = problems;
    if (!first) continue;
    throw invalidInput(
      `${adapter.title} (${code}) would refuse this product: ${problems.map((p) => `${p.message} [${p.rule}]`).join('; ')}. Change the product, or do not publish it there.`,
      fieldOf(first.field),
      { marketplace: code, rule: first.rule, rules: problems.map((p) => p.rule) },
    );
  }
}
