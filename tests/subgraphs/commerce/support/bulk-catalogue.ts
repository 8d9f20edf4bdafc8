import { LockWaitTimeoutException, type MikroORM } from '@mikro-orm/core';
import { Producer } from '../../../../subgraphs/commerce/catalogue/producer.entity.js';
import { createProduct, updateProduct } from '../../../../subgraphs/commerce/catalogue/product.command.js';
import { Product } from '../../../../subgraphs/commerce/catalogue/product.entity.js';
import type { CreateProductInput, UpdateProductInput } from '../../../../subgraphs/commerce/catalogue/product.inputs.js';
import { MARKETPLACES } from '../../../../subgraphs/commerce/catalogue/marketplace.js';
import { publishListings } from '../../../../subgraphs/commerce/listings/listing.command.js';

/**
 * Many products at once through the same domain commands the mutations use (each batch one
 * transaction: products, listings and their outbox jobs together).
 */
export async function createAndPublish(orm: MikroORM, count: number, options: { producerId?: string; batch?: number; prefix?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  const batch = options.batch ?? 50;
  for (let start = 0; start < count; start += batch) {
    await orm.em.fork().transactional(async (em) => {
      const producer = await em.findOneOrFail(Producer, { id: options.producerId ?? 'pilot-postmart-01' });
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const input = {
          producerId: producer.id,
          name: `${options.prefix ?? 'Rau thử'} ${String(i).padStart(4, '0')}`,
          category: 'vegetables',
          unit: 'kg',
          netWeightGrams: 1000,
          priceVnd: 10_000 + i,
          stock: 100,
        } as CreateProductInput;
        const product = await createProduct(em, producer, input);
        await publishListings(em, product, MARKETPLACES);
        ids.push(product.id);
      }
    });
  }
  return ids;
}

/**
 * Applies `change(product)` to each product, a batch per transaction. A batch that loses the SQLite
 * write lock to a worker in another process (SQLITE_BUSY on a transaction that read first) is rolled
 * back whole and run again, as a client repeats a refused mutation.
 */
export async function updateAll(orm: MikroORM, ids: string[], change: (product: Product) => Partial<UpdateProductInput>, batch = 50): Promise<void> {
  for (let start = 0; start < ids.length; start += batch) {
    for (let attempt = 1; ; attempt++) {
      try {
        await orm.em.fork().transactional(async (em) => {
          const products = await em.find(Product, { id: { $in: ids.slice(start, start + batch) } });
          for (const product of products) await updateProduct(em, product, { productId: product.id, ...change(product) } as UpdateProductInput);
        });
        break;
      } catch (error) {
        if (!(error instanceof LockWaitTimeoutException) || attempt >= 50) throw error;
      }
    }
  }
}
