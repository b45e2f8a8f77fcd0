/**
 * Small hand-made word lists for vocabulary statistics. They are deliberately short and
 * conservative: a writer's slang share should move with their writing, not with a giant list.
 */

/** Profanity stems matched at the start of a word ("fuckin'", "shitty"). */
export const PROFANITY_STEMS: readonly string[] = ['fuck', 'shit', 'bitch', 'motherfuck', 'cunt', 'pussy', 'bullshit', 'goddamn', 'dickhead', 'asshole', 'bastard'];
/** Profanity matched as whole words only, because their letters start innocent words ("assume", "hello"). */
export const PROFANITY_WORDS: ReadonlySet<string> = new Set(['ass', 'asses', 'badass', 'dumbass', 'damn', 'damned', 'hell', 'dick', 'dicks', 'hoe', 'hoes', 'thot', 'thots', 'piss', 'pissed', 'crap', 'wtf', 'stfu']);

/** Slang and vernacular forms common in lyrics; anything missing from the dictionary also counts. */
export const SLANG_WORDS: ReadonlySet<string> = new Set(
  `ain't gonna wanna gotta tryna finna imma y'all ya'll lil 'bout 'cause cuz yo ya nah naw yeah yea ayy ay aye
  lowkey highkey drip drippin bussin cap no-cap bet lit fam bro bruh homie homies dawg dope fly swag swagger
  flex flexin stunt stuntin shawty shorty bae boo hood trap trappin opps op guap racks bands stacks bread cheddar
  whip whips ice iced glizzy blick blicky strap choppa plug plugs finesse sauce saucy vibe vibin vibes sus salty
  thirsty extra goat slaps hits ballin grind grindin hustle hustlin skrrt skrt brr yeet rizz deadass fr ong periodt`
    .split(/\s+/)
    .filter(Boolean),
);
