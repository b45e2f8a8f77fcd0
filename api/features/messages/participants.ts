/**
 * A conversation's two people are stored as an ordered pair so that (pair, topic) is one unique
 * key whoever starts it. Pure helpers over that ordering.
 */
export function orderedPair(a: string, b: string): { userLowId: string; userHighId: string } {
  return a < b ? { userLowId: a, userHighId: b } : { userLowId: b, userHighId: a };
}

/** The other person of the pair, or undefined when `userId` is not one of them. */
export function otherParticipant(pair: { userLowId: string; userHighId: string }, userId: string): string | undefined {
  if (pair.userLowId === userId) return pair.userHighId;
  if (pair.userHighId === userId) return pair.userLowId;
  return undefined;
}
