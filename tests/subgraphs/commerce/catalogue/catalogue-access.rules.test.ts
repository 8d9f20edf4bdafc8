import { describe, expect, it } from 'vitest';
import { seesDraftsOf, visibleListings } from '../../../../subgraphs/commerce/catalogue/catalogue-access.rules.js';
import { ListingStatus } from '../../../../subgraphs/commerce/listings/listing-status.js';
import type { RowScope } from '../../../../subgraphs/shared/access-rule.js';

const listings = Object.values(ListingStatus).map((status) => ({ id: `l-${status}`, status }));
const live = [ListingStatus.PUBLISHED, ListingStatus.DRIFTED];

describe('catalogue drafts', () => {
  const admin: RowScope = { kind: 'all' };
  const member: RowScope = { kind: 'producers', producerIds: ['p-1'] };
  const anonymous: RowScope = { kind: 'public' };

  it('shows a producer\'s drafts to admins and to its own members only', () => {
    expect(seesDraftsOf(admin, 'p-1')).toBe(true);
    expect(seesDraftsOf(member, 'p-1')).toBe(true);
    expect(seesDraftsOf(member, 'p-2')).toBe(false);
    expect(seesDraftsOf(anonymous, 'p-1')).toBe(false);
  });

  it('gives every listing of its own producer\'s product to a member, in the order given', () => {
    expect(visibleListings(member, 'p-1', listings)).toEqual(listings);
  });

  it('gives everyone else only the live listings (published or drifted), never a draft, a failure or a rejection', () => {
    for (const scope of [anonymous, { ...member, producerIds: ['p-2'] } as RowScope]) {
      expect(visibleListings(scope, 'p-1', listings).map((l) => l.status).sort()).toEqual([...live].sort());
    }
  });
});
