import { analyzeLyrics } from '../../../shared/lyrics/analyze-lyrics.ts';
import { analyzeSong } from '../../../shared/lyrics/analyze-song.ts';
import { profileFromSong, pruneStyleProfile, summarizeStyle, type StyleProfile } from '../../../shared/lyrics/style-profile.ts';
import {
  DEFAULT_RHYME_TYPES,
  type AnalyzeStyleResponse,
  type GenerateRhymesRequest,
  type GenerateRhymesResponse,
  type SaveProgressRequest,
  type SuggestLyricsRequest,
  type SuggestLyricsResponse,
  type UserPatternsResponse,
  type WritingSession,
  type WritingSessionWithText,
} from '../../../shared/schemas/ai.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { LyricsEngineSource } from './lexicon.ts';
import { readStoredProfile, replaceContribution } from './profile-ledger.ts';
import * as queries from './queries.ts';
import { findRhymes } from './rhymes.ts';
import { describeStyle } from './style-traits.ts';

export interface AiDeps {
  db: Database;
  clock: Clock;
  /** The lyrics engine, built on first use. */
  engine: LyricsEngineSource;
}

/** Words and phrases of the profile handed to the suggestion engine: plenty to steer, bounded in cost. */
const SUGGESTION_PROFILE_WORDS = 2000;
const DEFAULT_RHYME_LIMIT = 40;

function toSession(row: Pick<queries.WritingSessionRow, 'id' | 'title' | 'lines' | 'words' | 'createdAt' | 'updatedAt'>): WritingSession {
  return { id: row.id, title: row.title, lines: row.lines, words: row.words, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/**
 * The AI songwriter: analysis, suggestions and rhymes from the shared lyrics engine, and each
 * writer's sessions and learned profile. Reads and writes are always scoped to the caller's id.
 */
export function createAiService(deps: AiDeps) {
  const { db, clock, engine } = deps;

  async function storedProfile(userId: string): Promise<{ profile: StyleProfile; updatedAt: Date | undefined }> {
    const row = await queries.findProfile(db, userId);
    return { profile: readStoredProfile(row?.profile), updatedAt: row?.updatedAt };
  }

  return {
    async analyze(text: string, bpm: number | undefined): Promise<AnalyzeStyleResponse> {
      const { lexicon } = await engine();
      return analyzeLyrics(text, lexicon, bpm === undefined ? {} : { bpm }) as AnalyzeStyleResponse;
    },

    async suggest(userId: string, request: SuggestLyricsRequest): Promise<SuggestLyricsResponse> {
      const [{ lexicon, suggestLines }, { profile }] = await Promise.all([engine(), storedProfile(userId)]);
      const personalized = profile.sessions > 0;
      const result = suggestLines(request.text, lexicon, {
        lineIndex: request.line,
        count: request.count ?? 5,
        seed: request.seed ?? 1,
        ...(personalized ? { profile: pruneStyleProfile(profile, SUGGESTION_PROFILE_WORDS) } : {}),
      });
      return {
        plan: result.plan,
        endings: result.endings as SuggestLyricsResponse['endings'],
        suggestions: result.lines.map((line, index) => ({ rank: index + 1, ...line, why: line.why as SuggestLyricsResponse['suggestions'][number]['why'] })),
        personalized,
      };
    },

    async rhymes(request: GenerateRhymesRequest): Promise<GenerateRhymesResponse> {
      const { lexicon, rhymes } = await engine();
      return findRhymes(lexicon, rhymes, {
        text: request.word ?? request.phrase ?? '',
        types: request.types ?? DEFAULT_RHYME_TYPES,
        limit: request.limit ?? DEFAULT_RHYME_LIMIT,
        topic: request.topic,
      });
    },

    async patterns(userId: string): Promise<UserPatternsResponse> {
      const { profile, updatedAt } = await storedProfile(userId);
      const summary = summarizeStyle(profile, 20);
      return {
        sessions: profile.sessions,
        updatedAt: updatedAt?.toISOString() ?? null,
        traits: describeStyle(profile, summary),
        summary: summary as UserPatternsResponse['summary'],
      };
    },

    /**
     * Saves a session and updates the profile in one transaction under the writer's lock: the
     * session's previous contribution (if it was saved before) comes out, the new one goes in.
     */
    async save(userId: string, request: SaveProgressRequest): Promise<{ session: WritingSession; created: boolean }> {
      const { lexicon } = await engine();
      const song = analyzeSong(request.text, lexicon);
      const contribution = profileFromSong(song, lexicon);
      const id = request.id ?? crypto.randomUUID();
      const now = clock.now();
      return db.transaction(async (tx) => {
        await queries.lockWriterProfile(tx, userId);
        const existing = await queries.findSession(tx, userId, id);
        const profile = readStoredProfile((await queries.findProfile(tx, userId))?.profile);
        const previous = existing ? readStoredProfile(existing.contribution) : undefined;
        const row = {
          userId,
          id,
          title: request.title,
          text: request.text,
          lines: song.lines.length,
          words: song.vocabulary.totalWords,
          contribution,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        await queries.upsertSession(tx, row);
        await queries.saveProfile(tx, userId, replaceContribution(profile, previous, contribution), now);
        return { session: toSession(row), created: !existing };
      });
    },

    async list(userId: string): Promise<WritingSession[]> {
      return (await queries.listSessions(db, userId)).map(toSession);
    },

    async get(userId: string, id: string): Promise<WritingSessionWithText> {
      const row = await queries.findSession(db, userId, id);
      if (!row) throw new AppError('writing_session_not_found');
      return { ...toSession(row), text: row.text };
    },

    /** Deletes a session and takes what it taught out of the profile. */
    async remove(userId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        await queries.lockWriterProfile(tx, userId);
        const existing = await queries.findSession(tx, userId, id);
        if (!existing) throw new AppError('writing_session_not_found');
        const profile = readStoredProfile((await queries.findProfile(tx, userId))?.profile);
        await queries.deleteSession(tx, userId, id);
        await queries.saveProfile(tx, userId, replaceContribution(profile, readStoredProfile(existing.contribution), undefined), clock.now());
      });
    },

    /** The writer's stored profile total, for tests and exports. */
    async profile(userId: string): Promise<StyleProfile> {
      return (await storedProfile(userId)).profile;
    },
  };
}

export type AiService = ReturnType<typeof createAiService>;
