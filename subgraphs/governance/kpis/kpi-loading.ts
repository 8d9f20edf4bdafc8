import type DataLoader from 'dataloader';

/** `loader.loadMany` that fails on the first error instead of returning it among the values. */
export async function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  for (const value of values) if (value instanceof Error) throw value;
  return values as V[];
}
