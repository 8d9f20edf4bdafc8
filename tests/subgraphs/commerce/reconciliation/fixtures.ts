import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { Command } from 'commander';
import { vi } from 'vitest';
import { composeSubgraph, registerSubgraphCommands } from '../../../../core/subgraph.js';
import { commerceDefinition } from '../../../../subgraphs/commerce/definition.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { reconciliationPart } from '../../../../subgraphs/commerce/reconciliation/reconciliation.part.js';
import { ReconciliationItemPack } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item-pack.entity.js';
import { ReconciliationItem } from '../../../../subgraphs/commerce/reconciliation/reconciliation-item.entity.js';
import { runItemsInOrder } from '../../../../subgraphs/commerce/reconciliation/run-items.query.js';
import type { TestEnvironment } from '../../../helpers/databases.js';

/** The commerce subgraph with only the reconciliation part: these tests do not depend on the catalogue. */
export const reconciliationOnly = composeSubgraph(commerceDefinition, [reconciliationPart]);

export const VIETTEL_HEADER =
  'STT,Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';

/**
 * A hand-built Viettel Money statement for 2026-11-01 with one item of every outcome:
 * A1 matched, A2 paid 90.000 of 100.000, A3 unexpected, A1 again (duplicate row), A5 one payment
 * for two orders of one checkout, A6 refunded in full by A7.
 */
export const ALL_OUTCOMES_STATEMENT =
  VIETTEL_HEADER +
  '1,A1,DH-1,01/11/2026 08:00:00,150.000,1.650,VND,Thành công,Thanh toán,,0987***321\n' +
  '2,A2,DH-2,01/11/2026 09:00:00,90.000,990,VND,Thành công,Thanh toán,,\n' +
  '3,A3,DH-X,01/11/2026 10:00:00,45.000,495,VND,Thành công,Thanh toán,,\n' +
  '4,A1,DH-1,01/11/2026 08:00:00,150.000,1.650,VND,Thành công,Thanh toán,,0987***321\n' +
  '5,A5,CK-7,01/11/2026 11:00:00,330.000,3.630,VND,Thành công,Thanh toán,,\n' +
  '6,A6,DH-8,01/11/2026 12:00:00,60.000,660,VND,Thành công,Thanh toán,,\n' +
  '7,A7,DH-8,01/11/2026 13:00:00,60.000,0,VND,Thành công,Hoàn tiền,A6,\n' +
  '8,A8,DH-9,01/11/2026 13:30:00,20.000,220,VND,Thất bại,Thanh toán,,\n';

const t = (hhmm: string) => new Date(`2026-11-01T${hhmm}:00+07:00`);

export const ALL_OUTCOMES_LEDGER = [
  { id: 'o1', provider: 'viettel-money', reference: 'DH-1', amountVnd: 150_000, expectedAt: t('07:58'), payer: '0987654321', producerId: 'p1' },
  { id: 'o2', provider: 'viettel-money', reference: 'DH-2', amountVnd: 100_000, expectedAt: t('08:58'), payer: null, producerId: 'p2' },
  { id: 'o7a', provider: 'viettel-money', reference: 'CK-7', amountVnd: 200_000, expectedAt: t('10:58'), payer: null, producerId: 'p1' },
  { id: 'o7b', provider: 'viettel-money', reference: 'CK-7', amountVnd: 130_000, expectedAt: t('10:58'), payer: null, producerId: 'p2' },
  { id: 'o8', provider: 'viettel-money', reference: 'DH-8', amountVnd: 60_000, expectedAt: t('11:58'), payer: null, producerId: 'p1' },
  { id: 'o3', provider: 'viettel-money', reference: 'DH-3', amountVnd: 70_000, expectedAt: t('14:00'), payer: null, producerId: 'p2' },
  // Another provider's expectation: never part of a Viettel Money run.
  { id: 'v1', provider: 'vnpt-money', reference: 'DH-1', amountVnd: 150_000, expectedAt: t('07:58'), payer: null, producerId: 'p1' },
];

export async function insertExpected(em: EntityManager, rows: typeof ALL_OUTCOMES_LEDGER): Promise<void> {
  await em.insertMany(ExpectedPayment, rows);
}

/** Runs `hub <args>` of the commerce subgraph in this process: what it printed, and the exit code it set. */
export async function commerceHub(env: TestEnvironment, ...args: string[]): Promise<{ out: string; err: string; exitCode: number | undefined }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const before = process.exitCode;
  try {
    const program = new Command().exitOverride();
    registerSubgraphCommands(program, commerceDefinition, () => env.config);
    await program.parseAsync(['node', 'hub', ...args]);
    return { out: out.join('\n'), err: err.join('\n'), exitCode: process.exitCode === before ? undefined : (process.exitCode as number) };
  } finally {
    process.exitCode = before;
    log.mockRestore();
    error.mockRestore();
  }
}

export function writeFile(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Every item of a run in seq order, rows and packed alike, as the hub reads them. */
export async function itemsOfRun(em: EntityManager, runId: string): Promise<ReconciliationItem[]> {
  const items: ReconciliationItem[] = [];
  for await (const item of runItemsInOrder(em, { runId, producerIds: null }, { pageSize: 1000 })) items.push(item);
  return items;
}

/** Items stored for every run: rows, and the items packs hold. */
export async function storedItemCount(em: EntityManager): Promise<number> {
  const packs = await em.find(ReconciliationItemPack, {}, { fields: ['itemCount'] });
  return (await em.count(ReconciliationItem, {})) + packs.reduce((n, p) => n + p.itemCount, 0);
}
