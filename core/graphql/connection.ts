import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PART_OF_PARENT } from './cache-hints.js';
import { invalidInput } from '../domain-errors.js';

/**
 * Relay-style connections (../shared/SCHEMA.md): `first` defaults to 20 and is at most 100; the
 * cursor is opaque to clients (base64url of the row's sort key) and stable under inserts.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page of a connection stands in the whole list.' })
// Every subgraph with a connection declares PageInfo; Federation 2 needs it marked shareable to compose.
@Directive('@shareable')
@Directive(PART_OF_PARENT)
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (a previous page\'s endCursor).' })
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string, nodeDescription: string) {
  // Plain properties skip type-graphql's per-field middleware (nothing in them can throw): a page of 100 has 200 of them.
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${nodeDescription} in a page, with its cursor.` })
  @Directive(PART_OF_PARENT)
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${nodeDescription} items (Relay connection).` })
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursor to fetch them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }

  return { EdgeType, ConnectionType };
}

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through to the error below
  }
  throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', field);
}

/** Validates `first` and decodes `after`. */
export function pageWindow(args: PageArgs): { limit: number; after: CursorKey | null } {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}.`, 'first');
  }
  return { limit, after: args.after ? decodeCursor(args.after) : null };
}

/**
 * Builds a connection from rows fetched with `limit + 1` (the extra row only tells whether a next
 * page exists) and a function giving each row's sort key.
 */
export function toConnection<T>(rows: T[], limit: number, totalCount: number, keyOf: (row: T) => CursorKey): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
