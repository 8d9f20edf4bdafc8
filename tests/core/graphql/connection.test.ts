import { describe, expect, it } from 'vitest';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, pageWindow, toConnection } from '../../../core/graphql/connection.js';

describe('core: Relay connections', () => {
  it('round-trips a sort key through an opaque cursor', () => {
    const key = ['bi xanh', 'a-1', 3];
    const cursor = encodeCursor(key);
    expect(cursor).not.toContain('bi xanh');
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('refuses a cursor it did not make, on the argument that carried it', () => {
    for (const bad of ['not base64 at all ~', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[null]').toString('base64url')]) {
      expect(() => decodeCursor(bad, 'after')).toThrow(expect.objectContaining({ kind: 'INVALID_INPUT', field: 'after' }));
    }
  });

  it('takes `first` from 1 to the maximum, default 20', () => {
    expect(pageWindow({})).toEqual({ limit: DEFAULT_PAGE_SIZE, after: null });
    expect(pageWindow({ first: MAX_PAGE_SIZE }).limit).toBe(MAX_PAGE_SIZE);
    for (const first of [0, -1, MAX_PAGE_SIZE + 1, 1.5]) expect(() => pageWindow({ first }), String(first)).toThrow(expect.objectContaining({ field: 'first' }));
    expect(pageWindow({ first: 2, after: encodeCursor(['x', 'y']) }).after).toEqual(['x', 'y']);
  });

  it('builds a page from limit + 1 rows: the extra row only says a next page exists', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toConnection(rows, 2, 7, (r) => [r.id]);
    expect(page.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']) });
    expect(page.totalCount).toBe(7);
    const last = toConnection(rows.slice(0, 2), 2, 2, (r) => [r.id]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 5, 0, () => []).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
