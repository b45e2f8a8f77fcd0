/**
 * English function words: the closed-class words (articles, pronouns, prepositions, auxiliaries,
 * conjunctions) that carry grammar rather than content. They matter twice here: a one-syllable
 * function word is normally unstressed in speech and rap delivery, and vocabulary statistics
 * ignore them when looking for a writer's signature words.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those my your his her its our their me him us them i you he she it we they
  myself yourself himself herself itself ourselves themselves mine yours hers ours theirs
  who whom whose which what where when why how
  am is are was were be been being do does did done have has had having will would shall should can could may might must
  and but or nor so yet for if then than as because though although while till until unless
  of to in on at by with from into onto upon over under up down out off about above below between through
  across after before behind beside around against along among within without toward towards near past via per
  not no yes all any some each every both either neither such only just very too also
  i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd
  i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't don't doesn't didn't can't couldn't
  won't wouldn't shouldn't ain't there here there's that's what's let's 'cause cause 'em em ya yo oh uh
  gonna wanna gotta tryna finna imma another other ever never now like always again still even really
  everybody everyone everything somebody someone something nobody nothing anybody anyone anything
  much many more most own same`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when the word (lower-case) is a function word. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.replace(/\u2019/g, "'"));
}
