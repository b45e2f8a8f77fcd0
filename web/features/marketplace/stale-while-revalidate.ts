/** Where what is on screen came from. */
export const ResultSource = {
  /** The server just answered. */
  network: 'network',
  /** Saved on the device; the server could not be reached. */
  saved: 'saved',
  /** Neither: nothing saved and the server could not be reached. */
  none: 'none',
} as const;
export type ResultSource = (typeof ResultSource)[keyof typeof ResultSource];

export interface RevalidateOptions<T> {
  /** What the device saved earlier, if anything. */
  load: () => Promise<{ value: T; savedAt: number } | null>;
  fetch: () => Promise<T>;
  save: (value: T) => Promise<void>;
  /** Called with the saved value first (when there is one), then with the fresh one. */
  show: (value: T, source: ResultSource, savedAt: number | null) => void;
  /** Device storage failures must not block browsing, but they are reported. */
  reportError: (error: unknown) => void;
}

/**
 * Stale-while-revalidate for one resource: show what the device has at once, ask the server, show
 * and save its answer. Resolves with where the final view came from and, when the server could not
 * answer, why (the caller decides whether that deserves an error or an "offline" note).
 */
export async function staleWhileRevalidate<T>(options: RevalidateOptions<T>): Promise<{ source: ResultSource; error?: unknown }> {
  let saved: { value: T; savedAt: number } | null = null;
  try {
    saved = await options.load();
  } catch (error) {
    options.reportError(new Error('Could not read saved results', { cause: error }));
  }
  if (saved) options.show(saved.value, ResultSource.saved, saved.savedAt);
  let fresh: T;
  try {
    fresh = await options.fetch();
  } catch (error) {
    return { source: saved ? ResultSource.saved : ResultSource.none, error };
  }
  options.show(fresh, ResultSource.network, null);
  try {
    await options.save(fresh);
  } catch (error) {
    options.reportError(new Error('Could not save results on the device', { cause: error }));
  }
  return { source: ResultSource.network };
}
