import type { User } from '../../../shared/schemas/auth.ts';

/**
 * Where the last signed-in profile is kept so the app can greet its user by name when it opens offline.
 * No credentials are stored: only what the profile page shows.
 */
export interface ProfileCache {
  load(): Promise<User | null>;
  save(user: User): Promise<void>;
  clear(): Promise<void>;
}

/** For tests, and for browsers where IndexedDB is unavailable (private modes). */
export function createMemoryProfileCache(initial: User | null = null): ProfileCache {
  let stored = initial;
  return {
    load: async () => stored,
    save: async (user) => {
      stored = user;
    },
    clear: async () => {
      stored = null;
    },
  };
}
