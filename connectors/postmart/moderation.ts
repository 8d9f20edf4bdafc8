/**
 * The sandbox's stand-in for postmart's moderators: content that claims to cure illness or admits to
 * being counterfeit is refused, everything else approved. Matching ignores case and diacritics.
 */
import { foldForSearch } from '../../core/text.js';

export interface ModeratedContent {
  item_name: string;
  description: string;
}

/** Phrases (folded) that make moderation reject an item, with the reason postmart gives. */
const BANNED: readonly { phrase: string; reason: string }[] = [
  { phrase: 'chua benh', reason: 'Không được quảng cáo công dụng chữa bệnh (health claims are not allowed)' },
  { phrase: 'chua khoi', reason: 'Không được quảng cáo công dụng chữa bệnh (health claims are not allowed)' },
  { phrase: 'tri benh', reason: 'Không được quảng cáo công dụng chữa bệnh (health claims are not allowed)' },
  { phrase: 'hang gia', reason: 'Hàng giả, hàng nhái bị cấm (counterfeit goods are prohibited)' },
  { phrase: 'hang nhai', reason: 'Hàng giả, hàng nhái bị cấm (counterfeit goods are prohibited)' },
];

/** The rejection reason, or null to approve. */
export function defaultModeration(item: ModeratedContent): string | null {
  const text = foldForSearch(`${item.item_name} ${item.description}`);
  return BANNED.find((b) => text.includes(b.phrase))?.reason ?? null;
}
