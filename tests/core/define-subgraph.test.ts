import { Entity, PrimaryKey } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { defineSubgraph, type SubgraphTables } from '../../core/subgraph.js';

@Entity({ tableName: 'thing' })
class Thing {
  @PrimaryKey({ type: 'string' })
  id!: string;
}

/** A subgraph's tables bring MikroORM with them: `defineSubgraph` loads them when its database is opened. */
describe('defineSubgraph', () => {
  it('loads the tables when the database is loaded, once, not when the subgraph is defined', async () => {
    let loads = 0;
    const tables = async (): Promise<SubgraphTables> => {
      loads += 1;
      return { entities: [Thing], migrations: { sqlite: [], postgresql: [] } };
    };
    const subgraph = defineSubgraph({ name: 'things', tables });
    expect(subgraph.database.name).toBe('things');
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([subgraph.database.load(), subgraph.database.load()]);
    expect(first).toEqual({ name: 'things', entities: [Thing], migrations: { sqlite: [], postgresql: [] } });
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it('refuses, at load, an entity listed twice', async () => {
    const subgraph = defineSubgraph({ name: 'twice', tables: async () => ({ entities: [Thing, Thing], migrations: { sqlite: [], postgresql: [] } }) });
    await expect(subgraph.database.load()).rejects.toThrow('Subgraph twice lists an entity twice');
  });
});
