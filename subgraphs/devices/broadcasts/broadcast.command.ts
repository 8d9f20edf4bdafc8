import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../shared/roles.js';
import { isPostgres } from '../../../core/db/raw-sql.js';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { parseCommuneId, RADIO_MANAGERS, requireCommuneRole } from '../access.rules.js';
import { InstallationState } from '../equipment-status.js';
import { RadioCluster } from '../radio/radio-cluster.entity.js';
import { BroadcastTarget } from './broadcast-target.entity.js';
import { Broadcast, BroadcastPriority } from './broadcast.entity.js';
import type { ScheduleBroadcastInput } from './broadcast.type.js';
import { placeOnCluster, type Move, type Slot } from './preemption.rules.js';

const MAX_DURATION_SECONDS = 7200;
const MAX_CLUSTERS = 100;
/** A NORMAL or PRIORITY start may be this much in the past (clock skew of the caller). */
const PAST_TOLERANCE_MS = 60_000;
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

async function targetClusters(em: EntityManager, communeId: string, clusterIds: string[] | null | undefined): Promise<RadioCluster[]> {
  if (clusterIds === null || clusterIds === undefined) {
    const all = await em.find(RadioCluster, { communeId, state: InstallationState.INSTALLED }, { orderBy: { id: 'asc' } });
    if (!all.length) throw invalidInput('The commune has no installed, working radio cluster to broadcast on.', 'input.clusterIds');
    return all;
  }
  if (!clusterIds.length || clusterIds.length > MAX_CLUSTERS) {
    throw invalidInput(`Give 1 to ${MAX_CLUSTERS} cluster ids, or leave clusterIds out for every working cluster.`, 'input.clusterIds');
  }
  const rows = await em.find(RadioCluster, { id: { $in: clusterIds } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  const seen = new Set<string>();
  return clusterIds.map((id, i) => {
    const field = `input.clusterIds.${i}`;
    if (seen.has(id)) throw invalidInput(`Cluster "${id}" is listed twice.`, field);
    seen.add(id);
    const cluster = byId.get(id);
    if (!cluster || cluster.communeId !== communeId) {
      throw notFound(`Commune ${communeId} has no radio cluster "${id}": list them with Commune.radioClusters.`, { field });
    }
    if (cluster.state !== InstallationState.INSTALLED) {
      throw invalidInput(`Cluster "${id}" (${cluster.village}) is ${cluster.state.toLowerCase()} and cannot play: leave it out.`, field);
    }
    return cluster;
  });
}

/** Validates, then in one transaction places the bulletin on each cluster, pushing back what it pre-empts. */
export async function scheduleBroadcast(
  em: EntityManager,
  viewer: Viewer | null,
  input: ScheduleBroadcastInput,
  now: Date,
): Promise<{ broadcast: Broadcast; preempted: BroadcastTarget[] }> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCommuneRole(viewer, RADIO_MANAGERS, communeId, 'schedule broadcasts');
  const title = nfc(input.title);
  if (!title || title.length > 300) throw invalidInput('title must be 1 to 300 characters.', 'input.title');
  const content = nfc(input.content);
  if (!content || content.length > 20_000) throw invalidInput('content must be 1 to 20000 characters.', 'input.content');
  const duration = input.durationSeconds;
  if (!Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION_SECONDS) {
    throw invalidInput(`durationSeconds must be 1 to ${MAX_DURATION_SECONDS}, got ${duration}.`, 'input.durationSeconds');
  }
  let start: number;
  if (input.priority === BroadcastPriority.EMERGENCY) {
    if (input.startsAt) throw invalidInput('An EMERGENCY bulletin plays at once: leave startsAt out.', 'input.startsAt');
    start = now.getTime();
  } else {
    if (!input.startsAt) throw invalidInput(`A ${input.priority} bulletin needs startsAt.`, 'input.startsAt');
    start = input.startsAt.getTime();
    if (start < now.getTime() - PAST_TOLERANCE_MS) throw invalidInput('startsAt is in the past: give a time from now on.', 'input.startsAt');
    if (start > now.getTime() + MAX_AHEAD_MS) throw invalidInput('startsAt is more than a year ahead.', 'input.startsAt');
  }
  const clusters = await targetClusters(em, communeId, input.clusterIds);

  return em.transactional(async (tx) => {
    // PostgreSQL: lock the target clusters so two schedulers cannot claim the same slot at once.
    // SQLite needs no lock: its single connection runs one transaction at a time.
    if (isPostgres(tx)) {
      await tx.find(RadioCluster, { id: { $in: clusters.map((c) => c.id) } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    }
    const active = await tx.find(
      BroadcastTarget,
      { clusterId: { $in: clusters.map((c) => c.id) }, endsAt: { $gt: now }, report: null },
      { orderBy: { startsAt: 'asc' } },
    );
    const priorities = new Map(
      (await tx.find(Broadcast, { id: { $in: [...new Set(active.map((t) => t.broadcastId))] } })).map((b) => [b.id, b.priority]),
    );
    const id = randomUUID();
    const placements = clusters.map((cluster) => {
      const slots: Slot[] = active
        .filter((t) => t.clusterId === cluster.id)
        .map((t) => ({ key: t.broadcastId, priority: priorities.get(t.broadcastId)!, start: t.startsAt.getTime(), end: t.endsAt.getTime() }));
      const placement = placeOnCluster(slots, input.priority, start, duration * 1000, now.getTime());
      if ('conflict' in placement) {
        const other = placement.conflict;
        throw conflict(
          `Cluster "${cluster.id}" (${cluster.village}) already has a ${other.priority} bulletin from ${new Date(other.start).toISOString()} ` +
            `to ${new Date(other.end).toISOString()}: pick another time, or use a higher priority to pre-empt it.`,
          { field: 'input.startsAt', clusterId: cluster.id, broadcastId: other.key },
        );
      }
      return { cluster, placement };
    });

    const broadcast = Object.assign(new Broadcast(), {
      id,
      communeId,
      title,
      content,
      priority: input.priority,
      startsAt: new Date(start),
      durationSeconds: duration,
      createdAt: now,
      createdBy: viewer?.subject ?? 'unknown',
    });
    tx.persist(broadcast);
    const preempted: BroadcastTarget[] = [];
    for (const { cluster, placement } of placements) {
      tx.persist(
        Object.assign(new BroadcastTarget(), {
          broadcastId: id,
          clusterId: cluster.id,
          startsAt: new Date(placement.start),
          endsAt: new Date(placement.end),
          preemptedById: null,
          interrupted: false,
          report: null,
          failureReason: null,
        }),
      );
      for (const move of placement.moves as Move[]) {
        const target = active.find((t) => t.clusterId === cluster.id && t.broadcastId === move.key)!;
        target.startsAt = new Date(move.start);
        target.endsAt = new Date(move.end);
        target.preemptedById = id;
        target.interrupted = target.interrupted || move.interrupted;
        preempted.push(target);
      }
    }
    return { broadcast, preempted };
  });
}
