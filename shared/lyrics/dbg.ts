import { analyzeSong } from './analyze-song.ts';
import { fullLexicon } from './testing/full-lexicon.ts';
const lexicon = fullLexicon();
const verse = `[Verse 1]
I been grindin' since the mornin', never stallin' on the mission
Skrrt off in the foreign, got the whole block wishin'
Mama said be patient, now the vision finna glisten
Ice on my wrist like a winter in Michigan
Pour another cup, we ain't stoppin' till the sun up
Run it up, run it up, tell 'em everybody come up

[Hook]
We up all night, we up all night
Chasin' that light, chasin' that light
We up all night, we up all night
Chasin' that light, chasin' that light`;
const lines: string[] = [];
for (let i = 0; i < 6; i++) lines.push(verse);
let t = performance.now();
const song = analyzeSong(verse, lexicon, { bpm: 140 });
console.log('ms', performance.now() - t);
console.log(song.stanzas.map((s) => `${s.startLine} ${s.scheme} ${s.name} ${s.links.map((l) => `${l.line}->${l.rhymesWith}:${l.rhyme.type}:${l.rhyme.strength}`).join(',')}`));
song.lines.forEach((l, i) => console.log(l.syllables, l.stress, song.rhymeKeys[i], song.internalRhymes[i]!.map((r) => `${l.words[r.first]!.token.word}/${l.words[r.second]!.token.word}:${r.type}`).join(' ')));
console.log(JSON.stringify(song.cadence));
console.log(JSON.stringify(song.structure.order), song.structure.form);
console.log(JSON.stringify(song.vocabulary));
console.log(JSON.stringify(song.emotionalTone.sections), song.emotionalTone.shape);
t = performance.now();
analyzeSong(lines.join('\n\n'), lexicon, { bpm: 140 });
console.log('60-line ms', performance.now() - t);
