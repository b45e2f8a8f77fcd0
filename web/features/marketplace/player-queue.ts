/** One playable item of the shared player. */
export interface Track {
  /** The beat's id. */
  id: string;
  title: string;
  producerName: string;
  /** Where the audio comes from: the preview stream, or a blob: URL for audio saved on the device. */
  src: string;
  /** Waveform overview ([min, max] pairs); undefined until known, null when the beat has none. */
  peaks?: number[] | null;
}

/** The index after `index`, or null at the end of the queue. */
export function nextIndex(queue: readonly Track[], index: number): number | null {
  return index + 1 < queue.length ? index + 1 : null;
}

/**
 * Where "previous" goes: a few seconds into a track it restarts the same one (as music players do),
 * otherwise the track before; at the first track it restarts.
 */
export function previousTarget(index: number, currentTime: number, restartAfterSeconds = 3): { index: number; restart: boolean } {
  if (currentTime > restartAfterSeconds || index === 0) return { index, restart: true };
  return { index: index - 1, restart: false };
}

/** `m:ss` for a player's clock (durations of beats stay under an hour). */
export function formatClock(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}
