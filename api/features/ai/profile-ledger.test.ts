import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSong } from '../../../shared/lyrics/analyze-song.ts';
import { emptyStyleProfile, mergeStyleProfiles, parseStyleProfile, profileFromSong, type StyleProfile } from '../../../shared/lyrics/style-profile.ts';
import { fullLexicon } from '../../../shared/lyrics/testing/full-lexicon.ts';
import { replaceContribution, subtractStyleProfile } from './profile-ledger.ts';

const LINES = [
  'I keep the fire burning in the rain',
  'You never knew the way I held it down',
  'I count the scars and carry all the pain',
  'I wear my name like silver on a crown',
  'The city sleeps beneath the neon light',
  "My heart is cold, it's pounding like a drum",
  'Gold chains swinging while the bassline knocks',
  "I'm so happy, dancing in the sun",
  'Damn, I hate the way you lie to me',
  '[Chorus]',
  '',
];

const lexicon = fullLexicon();
const profileOf = (lines: readonly string[]) => profileFromSong(analyzeSong(lines.join('\n'), lexicon), lexicon);
const song = fc.array(fc.constantFrom(...LINES), { maxLength: 8 });
const json = (profile: StyleProfile) => JSON.stringify(mergeStyleProfiles(emptyStyleProfile(), profile));

describe('profile ledger', () => {
  it('replacing a contribution equals having added only the new one', () => {
    fc.assert(
      fc.property(song, song, song, (kept, old, replacement) => {
        const total = mergeStyleProfiles(profileOf(kept), profileOf(old));
        expect(json(replaceContribution(total, profileOf(old), profileOf(replacement)))).toBe(json(mergeStyleProfiles(profileOf(kept), profileOf(replacement))));
      }),
      { numRuns: 60 },
    );
  });

  it('any sequence of saves, re-saves and deletes leaves the total equal to the sum of the stored sessions', () => {
    const operation = fc.record({ session: fc.integer({ min: 0, max: 3 }), lines: fc.option(song, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 12 }), (operations) => {
        const sessions = new Map<number, StyleProfile>();
        let total = emptyStyleProfile();
        for (const { session, lines } of operations) {
          const next = lines === undefined ? undefined : profileOf(lines);
          total = replaceContribution(total, sessions.get(session), next);
          if (next) sessions.set(session, next);
          else sessions.delete(session);
          expect(() => parseStyleProfile(total)).not.toThrow();
        }
        const sum = [...sessions.values()].reduce(mergeStyleProfiles, emptyStyleProfile());
        expect(json(total)).toBe(json(sum));
        expect(total.sessions).toBe(sessions.size);
      }),
      { numRuns: 40 },
    );
  });

  it('taking every session out gives back the empty profile, negative valence included', () => {
    const sad = profileOf(['Damn, I hate the way you lie to me', 'I count the scars and carry all the pain']);
    expect(sad.valence).toBeLessThan(0);
    expect(json(subtractStyleProfile(sad, sad))).toBe(json(emptyStyleProfile()));
  });
});
