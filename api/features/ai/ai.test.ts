import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareLines } from '../../../shared/lyrics/line-rhyme.ts';
import { analyzeLine } from '../../../shared/lyrics/syllables.ts';
import {
  AnalyzeStyleRequest,
  AnalyzeStyleResponse,
  GenerateRhymesRequest,
  GenerateRhymesResponse,
  SaveProgressRequest,
  STYLE_TRAIT_KEYS,
  STYLE_TRAIT_LEVELS,
  SuggestLyricsRequest,
  SuggestLyricsResponse,
  UserPatternsResponse,
  WritingSession,
  WritingSessionList,
} from '../../../shared/schemas/ai.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { sharedLyricsEngine, type LyricsEngine } from './lexicon.ts';

const SONG = `[Verse 1]
I keep the fire burning in the rain
You never knew the way I held it down
I count the scars and carry all the pain
I wear my name like silver on a crown

[Chorus]
The city sleeps beneath the neon light
I walk alone and chase the fading night
My heart is cold, it's pounding like a drum
I wait for you but still you never come

[Verse 2]
The morning finds me standing at the door
With empty hands and nothing left to say
I gave you everything and then some more
You took it all and still you walked away

[Chorus]
The city sleeps beneath the neon light
I walk alone and chase the fading night
My heart is cold, it's pounding like a drum
I wait for you but still you never come
`;

const DRIVE = `I hear the engines humming through the night
The city glows in orange and in white
I drive until the morning finds the coast`;

const OTHER_SONG = `Gold chains swinging while the bassline knocks
Midnight hustle got me counting every block
Came up from nothing now the whole room talks
Never looking back, I keep it on the clock`;

const AI_POSTS = ['/api/ai/analyze-style', '/api/ai/suggest-lyrics', '/api/ai/generate-rhymes', '/api/ai/save-progress'] as const;

const expectErrorShape = (response: { status: number; json: any; text: string }) => {
  expect(typeof response.json?.error?.code, response.text).toBe('string');
  expect(typeof response.json?.error?.message).toBe('string');
  expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
};

describe.each(databaseKinds())('AI songwriter API (%s)', (kind) => {
  let t: TestApp;
  let engine: LyricsEngine;
  beforeAll(async () => {
    [t, engine] = await Promise.all([createTestApp(kind), sharedLyricsEngine()]);
  });
  afterAll(() => t.close());
  const post = (path: string, token: string | undefined, body: unknown) => call(t.app, 'POST', path, { ...(token ? { token } : {}), body });
  const get = (path: string, token: string) => call(t.app, 'GET', path, { token });

  describe('analyze-style', () => {
    it('returns exactly the documented shape, with the rhyme schemes of real lyrics', async () => {
      const { accessToken } = await signUp(t.app);
      const response = await post('/api/ai/analyze-style', accessToken, { text: SONG, bpm: 92 });
      expect(response.status, response.text).toBe(200);
      // Strict schemas: any extra or missing field fails the parse.
      const analysis = AnalyzeStyleResponse.parse(response.json);
      expect(Object.keys(response.json).sort()).toEqual(['cadence', 'emotionalTone', 'lines', 'stanzas', 'structure', 'vocabulary']);
      expect(analysis.lines).toHaveLength(16);
      expect(analysis.stanzas.map((stanza) => [stanza.startLine, stanza.scheme])).toEqual([
        [0, 'ABAB'],
        [4, 'AABB'],
        [8, 'ABAB'],
        [12, 'AABB'],
      ]);
      expect(analysis.lines[4]).toMatchObject({ text: 'The city sleeps beneath the neon light', syllables: 10, rhymeKey: 'AY T' });
      expect(analysis.lines[5]!.rhymeKey).toBe('AY T');
      expect(analysis.lines[0]!.stress).toHaveLength(analysis.lines[0]!.syllables);
      expect(analysis.cadence.tempo).toMatchObject({ bpm: 92, beatsPerBar: 4 });
      expect(analysis.structure.order).toEqual(['verse', 'chorus', 'verse', 'chorus']);
      expect(analysis.structure.repeatedLines.map((line) => line.text)).toContain('The city sleeps beneath the neon light');
    });

    it('leaves tempo out without a bpm', async () => {
      const { accessToken } = await signUp(t.app);
      const response = await post('/api/ai/analyze-style', accessToken, { text: DRIVE });
      expect(response.status).toBe(200);
      expect(response.json.cadence.tempo).toBeUndefined();
      expect(response.json.stanzas).toEqual([{ startLine: 0, scheme: 'AAB' }]);
    });
  });

  describe('suggest-lyrics', () => {
    it('ranks lines that rhyme with the line the scheme pairs, each with its reasons, the same for the same seed', async () => {
      const { accessToken } = await signUp(t.app);
      const response = await post('/api/ai/suggest-lyrics', accessToken, { text: DRIVE, line: 3, count: 4, seed: 7 });
      expect(response.status, response.text).toBe(200);
      const result = SuggestLyricsResponse.parse(response.json);
      expect(result.plan).toMatchObject({ expectedScheme: 'AABB', rhymeWithLine: 2 });
      expect(result.personalized).toBe(false);
      expect(result.suggestions.length).toBeGreaterThanOrEqual(3);
      expect(result.suggestions.map((suggestion) => suggestion.rank)).toEqual(result.suggestions.map((_, index) => index + 1));
      const coast = analyzeLine('I drive until the morning finds the coast', engine.lexicon);
      for (const suggestion of result.suggestions) {
        expect(suggestion.why.rhymesWith, suggestion.text).toMatchObject({ line: 2 });
        expect(['perfect', 'slant', 'multisyllabic']).toContain(suggestion.why.rhymesWith!.type);
        // Checked again with the engine itself, independently of the reported reason.
        const rhyme = compareLines(analyzeLine(suggestion.text, engine.lexicon), coast);
        expect(rhyme.strength, `${suggestion.text} / coast`).toBeGreaterThanOrEqual(0.55);
        expect(Math.abs(suggestion.syllables - result.plan.targetSyllables)).toBeLessThanOrEqual(1);
      }
      const scores = result.suggestions.map((suggestion) => suggestion.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);

      const again = await post('/api/ai/suggest-lyrics', accessToken, { text: DRIVE, line: 3, count: 4, seed: 7 });
      expect(again.json).toEqual(response.json);
    });

    it("is steered by the caller's learned profile once they have saved sessions", async () => {
      const { accessToken } = await signUp(t.app);
      expect((await post('/api/ai/save-progress', accessToken, { title: 'Blocks', text: OTHER_SONG })).status).toBe(201);
      const response = await post('/api/ai/suggest-lyrics', accessToken, { text: DRIVE, line: 3, count: 5 });
      expect(response.status, response.text).toBe(200);
      expect(response.json.personalized).toBe(true);
      const own = new Set(response.json.suggestions.flatMap((suggestion: { why: { ownWords: string[] } }) => suggestion.why.ownWords));
      const learned = ['gold', 'chains', 'swinging', 'bassline', 'knocks', 'midnight', 'hustle', 'counting', 'block', 'whole', 'room', 'talks', 'looking', 'clock'];
      expect(learned.some((word) => own.has(word)), [...own].join(' ')).toBe(true);
    });
  });

  describe('generate-rhymes', () => {
    it('finds "light" as a perfect one-syllable rhyme of "night", grouped by type and syllables', async () => {
      const { accessToken } = await signUp(t.app);
      const response = await post('/api/ai/generate-rhymes', accessToken, { word: 'night' });
      expect(response.status, response.text).toBe(200);
      const result = GenerateRhymesResponse.parse(response.json);
      expect(result.target).toEqual({ text: 'night', syllables: 1, rhymeKey: 'AY T' });
      expect(result.groups.map((group) => group.type)).toEqual(['perfect', 'multisyllabic', 'slant']);
      const perfect = result.groups[0]!;
      const oneSyllable = perfect.bySyllables.find((group) => group.syllables === 1)!;
      expect(oneSyllable.words).toContainEqual({ word: 'light', strength: 1, syllables: 1 });
      expect(perfect.bySyllables.map((group) => group.syllables)).toEqual([...perfect.bySyllables.map((group) => group.syllables)].sort((a, b) => a - b));
      const all = result.groups.flatMap((group) => group.bySyllables.flatMap((bucket) => bucket.words.map((word) => word.word)));
      expect(all).not.toContain('night');
      expect(all).not.toContain('nights');
      for (const group of result.groups) for (const bucket of group.bySyllables) for (const word of bucket.words) expect(word.syllables).toBe(bucket.syllables);
      expect(result.related).toEqual([]);
    });

    it('honours types and limit, rhymes phrases, and keeps topic rhymes close in meaning', async () => {
      const { accessToken } = await signUp(t.app);
      const limited = await post('/api/ai/generate-rhymes', accessToken, { word: 'night', types: ['slant', 'perfect'], limit: 3 });
      expect(limited.json.groups.map((group: { type: string }) => group.type)).toEqual(['slant', 'perfect']);
      for (const group of limited.json.groups) {
        expect(group.bySyllables.reduce((total: number, bucket: { words: unknown[] }) => total + bucket.words.length, 0)).toBeLessThanOrEqual(3);
      }

      const phrase = await post('/api/ai/generate-rhymes', accessToken, { phrase: 'the cold rain' });
      expect(phrase.status).toBe(200);
      expect(phrase.json.target).toMatchObject({ text: 'the cold rain', rhymeKey: 'EY N' });
      const words = phrase.json.groups[0].bySyllables.flatMap((bucket: { words: { word: string }[] }) => bucket.words.map((word) => word.word));
      expect(words).toEqual(expect.arrayContaining(['pain', 'chain']));

      const topical = await post('/api/ai/generate-rhymes', accessToken, { word: 'night', topic: 'sun' });
      const related = GenerateRhymesResponse.parse(topical.json).related;
      expect(related.length).toBeGreaterThan(0);
      expect(related.map((rhyme) => rhyme.word)).toContain('light');
      for (const rhyme of related) expect(rhyme.closeness).toBeGreaterThan(0);
    });
  });

  describe('save-progress, sessions and user-patterns', () => {
    it('saves, lists and reads back sessions, and learns a profile worded as keys and numbers', async () => {
      const { accessToken } = await signUp(t.app);
      const empty = UserPatternsResponse.parse((await get('/api/ai/user-patterns', accessToken)).json);
      expect(empty).toMatchObject({ sessions: 0, updatedAt: null, traits: [] });

      const saved = await post('/api/ai/save-progress', accessToken, { title: '  Neon Night ', text: SONG });
      expect(saved.status, saved.text).toBe(201);
      const session = WritingSession.parse(saved.json);
      expect(session).toMatchObject({ title: 'Neon Night', lines: 16 });
      const list = WritingSessionList.parse((await get('/api/ai/sessions', accessToken)).json);
      expect(list.sessions).toEqual([session]);
      expect((await get(`/api/ai/sessions/${session.id}`, accessToken)).json).toEqual({ ...session, text: SONG });

      const patterns = UserPatternsResponse.parse((await get('/api/ai/user-patterns', accessToken)).json);
      expect(patterns.sessions).toBe(1);
      // Two ABAB verses and two AABB choruses: a tie, broken alphabetically.
      expect(patterns.summary.favouriteScheme).toBe('AABB');
      expect(patterns.traits.find((trait) => trait.key === 'lineLength')).toMatchObject({ level: 'medium', value: patterns.summary.syllablesPerLine.mean });
      expect(patterns.traits.find((trait) => trait.key === 'scheme')).toMatchObject({ level: 'favourite', value: 0.5, detail: 'AABB' });
      // Machine-readable: keys and levels from fixed lists, details are single tokens, never sentences.
      for (const trait of patterns.traits) {
        expect(STYLE_TRAIT_KEYS).toContain(trait.key);
        expect(STYLE_TRAIT_LEVELS).toContain(trait.level);
        if (trait.detail !== undefined) expect(trait.detail).toMatch(/^[A-Za-z'-]+$/);
      }
    });

    it('re-saving a session replaces what it taught instead of counting it twice', async () => {
      const writer = await signUp(t.app);
      const first = await post('/api/ai/save-progress', writer.accessToken, { id: 'draft-1', title: 'Draft', text: SONG });
      expect(first.status).toBe(201);
      const once = (await get('/api/ai/user-patterns', writer.accessToken)).json;
      t.clock.advance(60_000);
      const again = await post('/api/ai/save-progress', writer.accessToken, { id: 'draft-1', title: 'Draft, again', text: SONG });
      expect(again.status).toBe(200);
      expect(again.json.createdAt).toBe(first.json.createdAt);
      expect(again.json.updatedAt).not.toBe(first.json.updatedAt);
      const twice = (await get('/api/ai/user-patterns', writer.accessToken)).json;
      expect(twice.sessions).toBe(1);
      expect(twice.summary).toEqual(once.summary);
      expect(twice.traits).toEqual(once.traits);

      // Rewritten: the profile is exactly that of a writer who only ever saved the new text.
      await post('/api/ai/save-progress', writer.accessToken, { id: 'draft-1', title: 'Draft', text: OTHER_SONG });
      const fresh = await signUp(t.app);
      await post('/api/ai/save-progress', fresh.accessToken, { title: 'Other', text: OTHER_SONG });
      const rewritten = (await get('/api/ai/user-patterns', writer.accessToken)).json;
      const reference = (await get('/api/ai/user-patterns', fresh.accessToken)).json;
      expect(rewritten.summary).toEqual(reference.summary);
      expect(rewritten.traits).toEqual(reference.traits);

      // Two sessions add up; deleting both leaves the empty profile.
      await post('/api/ai/save-progress', writer.accessToken, { id: 'draft-2', title: 'Second', text: SONG });
      expect((await get('/api/ai/user-patterns', writer.accessToken)).json.sessions).toBe(2);
      expect((await call(t.app, 'DELETE', '/api/ai/sessions/draft-1', { token: writer.accessToken })).status).toBe(204);
      expect((await get('/api/ai/user-patterns', writer.accessToken)).json.summary).toEqual(once.summary);
      expect((await call(t.app, 'DELETE', '/api/ai/sessions/draft-2', { token: writer.accessToken })).status).toBe(204);
      const none = (await get('/api/ai/user-patterns', writer.accessToken)).json;
      expect(none.sessions).toBe(0);
      expect(none.traits).toEqual([]);
      expect(none.summary.topWords).toEqual([]);
      expect((await get('/api/ai/sessions', writer.accessToken)).json.sessions).toEqual([]);
    });

    it('keeps concurrent saves of one writer consistent', async () => {
      const writer = await signUp(t.app);
      const saves = await Promise.all(
        Array.from({ length: 6 }, (_, index) => post('/api/ai/save-progress', writer.accessToken, { id: `s${index % 3}`, title: 'Race', text: index % 2 ? SONG : OTHER_SONG })),
      );
      for (const save of saves) expect([200, 201]).toContain(save.status);
      const patterns = (await get('/api/ai/user-patterns', writer.accessToken)).json;
      expect(patterns.sessions).toBe(3);
      expect((await get('/api/ai/sessions', writer.accessToken)).json.sessions).toHaveLength(3);
    });

    it("never lets one writer read or change another's sessions or profile", async () => {
      const alice = await signUp(t.app);
      const bob = await signUp(t.app);
      const saved = await post('/api/ai/save-progress', alice.accessToken, { id: 'shared-name', title: 'Alice', text: SONG });
      expect(saved.status).toBe(201);
      const alicePatterns = (await get('/api/ai/user-patterns', alice.accessToken)).json;

      for (const [method, path] of [['GET', '/api/ai/sessions/shared-name'], ['DELETE', '/api/ai/sessions/shared-name']] as const) {
        const response = await call(t.app, method, path, { token: bob.accessToken });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.json.error.code).toBe('writing_session_not_found');
      }
      expect((await get('/api/ai/sessions', bob.accessToken)).json.sessions).toEqual([]);
      expect((await get('/api/ai/user-patterns', bob.accessToken)).json.sessions).toBe(0);

      // The same id from Bob is Bob's own session: Alice's text and profile stay as they were.
      const bobs = await post('/api/ai/save-progress', bob.accessToken, { id: 'shared-name', title: 'Bob', text: OTHER_SONG });
      expect(bobs.status).toBe(201);
      expect((await get('/api/ai/sessions/shared-name', alice.accessToken)).json).toMatchObject({ title: 'Alice', text: SONG });
      expect((await get('/api/ai/sessions/shared-name', bob.accessToken)).json).toMatchObject({ title: 'Bob', text: OTHER_SONG });
      expect((await get('/api/ai/user-patterns', alice.accessToken)).json).toEqual(alicePatterns);
      expect((await get('/api/ai/user-patterns', bob.accessToken)).json.summary.topWords).not.toContain('fire');
    });
  });

  describe('validation and auth', () => {
    it('answers 401 with the error shape without a valid token', async () => {
      const routes = [...AI_POSTS.map((path) => ['POST', path] as const), ['GET', '/api/ai/user-patterns'], ['GET', '/api/ai/sessions'], ['GET', '/api/ai/sessions/x'], ['DELETE', '/api/ai/sessions/x']] as const;
      for (const [method, path] of routes) {
        const missing = await call(t.app, method, path, method === 'POST' ? { body: { text: 'hello', line: 0, word: 'night', title: 't' } } : {});
        expect(missing.status, `${method} ${path}`).toBe(401);
        expectErrorShape(missing);
        const forged = await call(t.app, method, path, { token: 'e30.e30.c2ln' });
        expect(forged.status, `${method} ${path}`).toBe(401);
      }
    });

    it('caps text at 20,000 characters and 1,000 lines with 422, and bodies over the byte limit with 413', async () => {
      const { accessToken } = await signUp(t.app);
      const long = 'la '.repeat(6667) + 'la';
      const tooManyLines = 'oh\n'.repeat(1000) + 'oh';
      for (const path of ['/api/ai/analyze-style', '/api/ai/save-progress']) {
        const characters = await post(path, accessToken, { text: long, title: 'Long' });
        expect(characters.status, path).toBe(422);
        expectErrorShape(characters);
        expect(characters.json.error.code).toBe('validation_failed');
        expect(characters.json.error.details).toContainEqual(expect.objectContaining({ path: 'text', code: 'too_big' }));
        const lines = await post(path, accessToken, { text: tooManyLines, title: 'Long' });
        expect(lines.status, path).toBe(422);
        expect(lines.json.error.details).toContainEqual(expect.objectContaining({ path: 'text', code: 'too_many_lines' }));
      }
      const suggest = await post('/api/ai/suggest-lyrics', accessToken, { text: long, line: 0 });
      expect(suggest.status).toBe(422);
      const atLimit = await post('/api/ai/analyze-style', accessToken, { text: 'oh\n'.repeat(999) + 'oh' });
      expect(atLimit.status).toBe(200);

      const huge = await post('/api/ai/analyze-style', accessToken, { text: 'x'.repeat(t.config.bodyLimitBytes + 1) });
      expect(huge.status).toBe(413);
      expect(huge.json.error.code).toBe('payload_too_large');
    });

    it('refuses a word and a phrase together, or neither', async () => {
      const { accessToken } = await signUp(t.app);
      for (const body of [{ word: 'night', phrase: 'the night' }, { types: ['perfect'] }, { word: 'two words' }, { word: 'night', types: [] }, { word: 'night', types: ['perfect', 'perfect'] }]) {
        const response = await post('/api/ai/generate-rhymes', accessToken, body);
        expect(response.status, JSON.stringify(body)).toBe(422);
        expectErrorShape(response);
      }
    });

    it('answers any body that breaks a schema with 4xx and the error shape, never 5xx', async () => {
      const { accessToken } = await signUp(t.app);
      const schemas = {
        '/api/ai/analyze-style': AnalyzeStyleRequest,
        '/api/ai/suggest-lyrics': SuggestLyricsRequest,
        '/api/ai/generate-rhymes': GenerateRhymesRequest,
        '/api/ai/save-progress': SaveProgressRequest,
      } as const;
      const field = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('perfect', 'slant', 'rhyme'))),
        fc.object({ maxDepth: 1 }),
      );
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(
          { text: field, bpm: field, line: field, count: field, seed: field, word: field, phrase: field, types: field, limit: field, topic: field, id: field, title: field, extra: field },
          { requiredKeys: [] },
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...AI_POSTS).chain((path) => fc.tuple(fc.constant(path), body.filter((value) => !schemas[path].safeParse(value).success))),
          async ([path, value]) => {
            const response = await post(path, accessToken, value);
            expect(response.status, `${path} ${JSON.stringify(value)} → ${response.text}`).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
            expectErrorShape(response);
          },
        ),
        { numRuns: 120 },
      );
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), async (id) => {
          const response = await get(`/api/ai/sessions/${encodeURIComponent(id)}`, accessToken);
          expect([404, 422]).toContain(response.status);
          expectErrorShape(response);
        }),
        { numRuns: 40 },
      );
    });

    it('answers any valid body with 200, whatever the text holds', async () => {
      const { accessToken } = await signUp(t.app);
      const text = fc.oneof(
        fc.string({ maxLength: 400, unit: 'grapheme' }),
        fc.array(fc.oneof(fc.constantFrom(...SONG.split('\n')), fc.string({ maxLength: 30 })), { maxLength: 12 }).map((lines) => lines.join('\n')),
      );
      const word = fc.oneof(fc.constantFrom('night', 'orange', 'zzxq', "drippin'", 'Été', 'a'), fc.stringMatching(/^[a-z][a-z'-]{0,12}$/));
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.record({ text, bpm: fc.option(fc.double({ min: 10, max: 1000, noNaN: true }), { nil: undefined }) }).map((body) => ['/api/ai/analyze-style', body] as const),
            fc.record({ text, line: fc.integer({ min: 0, max: 1000 }), count: fc.integer({ min: 1, max: 3 }), seed: fc.nat() }).map((body) => ['/api/ai/suggest-lyrics', body] as const),
            fc.record({ word, topic: fc.option(word, { nil: undefined }), types: fc.constant(['perfect', 'assonance'] as const) }).map((body) => ['/api/ai/generate-rhymes', body] as const),
            fc.record({ phrase: text.filter((value) => /\p{L}/u.test(value) && value.trim().length <= 100) }).map((body) => ['/api/ai/generate-rhymes', body] as const),
            fc.record({ title: fc.constant('Fuzz'), text }).map((body) => ['/api/ai/save-progress', body] as const),
          ),
          async ([path, body]) => {
            const response = await post(path, accessToken, JSON.parse(JSON.stringify(body)));
            expect(response.status, `${path} ${JSON.stringify(body)} → ${response.text}`).toBeLessThan(300);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('declares every route in the OpenAPI document', async () => {
      const document = (await call(t.app, 'GET', '/api/openapi.json')).json;
      for (const path of ['/api/ai/analyze-style', '/api/ai/suggest-lyrics', '/api/ai/generate-rhymes', '/api/ai/user-patterns', '/api/ai/save-progress', '/api/ai/sessions', '/api/ai/sessions/{id}']) {
        expect(document.paths[path], path).toBeDefined();
      }
      expect(document.components.schemas.AnalyzeStyleResponse).toBeDefined();
    });
  });
});
