import { describe, expect, it } from 'vitest';
import { BroadcastPriority } from '../../../../subgraphs/devices/broadcasts/broadcast.entity.js';
import { placeOnCluster, type Move, type Slot } from '../../../../subgraphs/devices/broadcasts/preemption.rules.js';

const { NORMAL, PRIORITY, EMERGENCY } = BroadcastPriority;
/** The moves of a placement that must not be a conflict. */
function movesOf(placement: ReturnType<typeof placeOnCluster>): Move[] {
  if ('conflict' in placement) throw new Error(`unexpected conflict with ${placement.conflict.key}`);
  return placement.moves;
}
const slot = (key: string, priority: BroadcastPriority, start: number, end: number): Slot => ({ key, priority, start, end });

describe('placing a bulletin on a cluster timeline', () => {
  it('places a bulletin where nothing overlaps, moving nothing', () => {
    expect(placeOnCluster([slot('a', NORMAL, 0, 10)], NORMAL, 10, 5, 0)).toEqual({ start: 10, end: 15, moves: [] });
  });

  it('refuses NORMAL over anything and PRIORITY over PRIORITY or EMERGENCY', () => {
    expect(placeOnCluster([slot('a', NORMAL, 0, 10)], NORMAL, 9, 5, 0)).toEqual({ conflict: slot('a', NORMAL, 0, 10) });
    expect(placeOnCluster([slot('e', EMERGENCY, 0, 10)], NORMAL, 5, 5, 0)).toMatchObject({ conflict: { key: 'e' } });
    expect(placeOnCluster([slot('p', PRIORITY, 0, 10)], PRIORITY, 5, 5, 0)).toMatchObject({ conflict: { key: 'p' } });
    expect(placeOnCluster([slot('e', EMERGENCY, 0, 10)], PRIORITY, 5, 5, 0)).toMatchObject({ conflict: { key: 'e' } });
  });

  it('PRIORITY pushes back the NORMAL bulletins it overlaps, cascading, and leaves others', () => {
    const existing = [slot('a', NORMAL, 10, 20), slot('b', NORMAL, 20, 30), slot('c', NORMAL, 50, 60)];
    expect(placeOnCluster(existing, PRIORITY, 5, 10, 0)).toEqual({
      start: 5,
      end: 15,
      moves: [
        { key: 'a', start: 15, end: 25, interrupted: false },
        { key: 'b', start: 25, end: 35, interrupted: false },
      ],
    });
  });

  it('EMERGENCY cuts off what is playing (it plays again whole afterwards) and queues after another emergency', () => {
    const existing = [slot('playing', NORMAL, 0, 100), slot('e0', EMERGENCY, 40, 60), slot('p', PRIORITY, 100, 110)];
    // now = 50: e0 is on air; the new emergency (30) goes right after it, at 60..90. The PRIORITY
    // slot keeps its place; the interrupted NORMAL one plays again after it.
    expect(placeOnCluster(existing, EMERGENCY, 50, 30, 50)).toEqual({
      start: 60,
      end: 90,
      moves: [{ key: 'playing', start: 110, end: 210, interrupted: true }],
    });
  });

  it('a pushed-back PRIORITY slot keeps precedence over NORMAL ones', () => {
    const existing = [slot('n', NORMAL, 20, 30), slot('p', PRIORITY, 5, 15)];
    expect(movesOf(placeOnCluster(existing, EMERGENCY, 0, 10, 0))).toEqual([
      { key: 'p', start: 10, end: 20, interrupted: false },
    ]);
    const tight = [slot('n', NORMAL, 18, 28), slot('p', PRIORITY, 5, 15)];
    expect(movesOf(placeOnCluster(tight, EMERGENCY, 0, 10, 0))).toEqual([
      { key: 'p', start: 10, end: 20, interrupted: false },
      { key: 'n', start: 20, end: 30, interrupted: false },
    ]);
  });

  it('never moves a pushed-back slot into the past', () => {
    // A NORMAL slot that started before now and overlaps: it restarts from the emergency's end.
    expect(movesOf(placeOnCluster([slot('a', NORMAL, -5, 5)], EMERGENCY, 0, 10, 0))).toEqual([{ key: 'a', start: 10, end: 20, interrupted: true }]);
  });
});
