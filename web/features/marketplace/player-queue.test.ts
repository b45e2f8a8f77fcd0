import { describe, expect, it } from 'vitest';
import { formatClock, nextIndex, previousTarget, type Track } from './player-queue.ts';

const track = (id: string): Track => ({ id, title: id, producerName: 'P', src: `/api/beats/${id}/preview` });

describe('player queue', () => {
  it('moves to the next track until the end', () => {
    const queue = [track('a'), track('b')];
    expect(nextIndex(queue, 0)).toBe(1);
    expect(nextIndex(queue, 1)).toBeNull();
  });

  it('restarts the current track once it has played a while, else goes back', () => {
    expect(previousTarget(2, 10)).toEqual({ index: 2, restart: true });
    expect(previousTarget(2, 1)).toEqual({ index: 1, restart: false });
    expect(previousTarget(0, 1)).toEqual({ index: 0, restart: true });
  });

  it('formats a clock', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65.9)).toBe('1:05');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});
