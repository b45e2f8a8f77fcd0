import { createRoute, z } from '@hono/zod-openapi';
import {
  AnalyzeStyleRequest,
  AnalyzeStyleResponse,
  GenerateRhymesRequest,
  GenerateRhymesResponse,
  SaveProgressRequest,
  SuggestLyricsRequest,
  SuggestLyricsResponse,
  UserPatternsResponse,
  WritingSession,
  WritingSessionId,
  WritingSessionList,
  WritingSessionWithText,
} from '../../../shared/schemas/ai.ts';
import type { Database } from '../../db/database.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import type { Clock } from '../../platform/clock.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import { sharedLyricsEngine, type LyricsEngineSource } from './lexicon.ts';
import { createAiService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const tags = ['ai'];
const SessionParams = z.object({ id: WritingSessionId });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
/** Errors every text route can answer: not signed in, body over the byte limit, not JSON, invalid (text too long included). */
const textErrors = errorResponses(401, 413, 415, 422);

const routes = {
  analyze: createRoute({
    method: 'post', path: '/analyze-style', tags, security: bearer,
    summary: 'Analyse lyrics: syllables, stress and rhyme key per line, rhyme scheme per stanza, cadence, vocabulary, emotional tone, structure',
    request: body(AnalyzeStyleRequest),
    responses: { 200: { description: 'Analysis', ...json(AnalyzeStyleResponse) }, ...textErrors },
  }),
  suggest: createRoute({
    method: 'post', path: '/suggest-lyrics', tags, security: bearer,
    summary: "Propose lines for a position, ranked, each with why (rhyme, length, theme and the writer's own words), steered by the caller's learned style",
    request: body(SuggestLyricsRequest),
    responses: { 200: { description: 'Suggestions, best first', ...json(SuggestLyricsResponse) }, ...textErrors },
  }),
  rhymes: createRoute({
    method: 'post', path: '/generate-rhymes', tags, security: bearer,
    summary: 'Rhymes for a word or phrase, grouped by type and syllable count, plus rhymes related in meaning to an optional topic',
    request: body(GenerateRhymesRequest),
    responses: { 200: { description: 'Rhymes', ...json(GenerateRhymesResponse) }, ...textErrors },
  }),
  patterns: createRoute({
    method: 'get', path: '/user-patterns', tags, security: bearer,
    summary: "The caller's learned style: traits (stable keys, levels and numbers for the UI to word) and the summary behind them",
    responses: { 200: { description: 'Style', ...json(UserPatternsResponse) }, ...errorResponses(401) },
  }),
  save: createRoute({
    method: 'post', path: '/save-progress', tags, security: bearer,
    summary: 'Save a writing session (new, or again under its id) and learn from it; saving again replaces what the session taught, never counts it twice',
    request: body(SaveProgressRequest),
    responses: {
      200: { description: 'Saved again', ...json(WritingSession) },
      201: { description: 'Saved for the first time', ...json(WritingSession) },
      ...textErrors,
    },
  }),
  list: createRoute({
    method: 'get', path: '/sessions', tags, security: bearer,
    summary: "The caller's saved writing sessions, most recently saved first (the latest 500, without their text)",
    responses: { 200: { description: 'Sessions', ...json(WritingSessionList) }, ...errorResponses(401) },
  }),
  get: createRoute({
    method: 'get', path: '/sessions/{id}', tags, security: bearer,
    summary: 'One saved writing session with its text',
    request: { params: SessionParams },
    responses: { 200: { description: 'Session', ...json(WritingSessionWithText) }, ...errorResponses(401, 404, 422) },
  }),
  remove: createRoute({
    method: 'delete', path: '/sessions/{id}', tags, security: bearer,
    summary: 'Delete a writing session and take what it taught out of the style profile',
    request: { params: SessionParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404, 422) },
  }),
};

export interface AiRoutesDeps {
  auth: AuthService;
  db: Database;
  clock: Clock;
  /** The lyrics engine; defaults to the process-wide one, built at the first request that needs it. */
  engine?: LyricsEngineSource | undefined;
}

/** The AI songwriter (The Finisher), mounted at /api/ai; every route needs a signed-in writer. */
export function aiRoutes(deps: AiRoutesDeps) {
  const ai = createAiService({ db: deps.db, clock: deps.clock, engine: deps.engine ?? sharedLyricsEngine });
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;

  router.openapi(routes.analyze, async (c) => {
    const { text, bpm } = c.req.valid('json');
    return c.json(await ai.analyze(text, bpm), 200);
  });
  router.openapi(routes.suggest, async (c) => c.json(await ai.suggest(me(c), c.req.valid('json')), 200));
  router.openapi(routes.rhymes, async (c) => c.json(await ai.rhymes(c.req.valid('json')), 200));
  router.openapi(routes.patterns, async (c) => {
    c.header('Cache-Control', 'private, no-cache');
    return c.json(await ai.patterns(me(c)), 200);
  });
  router.openapi(routes.save, async (c) => {
    const { session, created } = await ai.save(me(c), c.req.valid('json'));
    return created ? c.json(session, 201) : c.json(session, 200);
  });
  router.openapi(routes.list, async (c) => {
    c.header('Cache-Control', 'private, no-cache');
    return c.json({ sessions: await ai.list(me(c)) }, 200);
  });
  router.openapi(routes.get, async (c) => {
    c.header('Cache-Control', 'private, no-cache');
    return c.json(await ai.get(me(c), c.req.valid('param').id), 200);
  });
  router.openapi(routes.remove, async (c) => {
    await ai.remove(me(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}
