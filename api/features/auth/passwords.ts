import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '../../../shared/schemas/auth.ts';

/**
 * argon2id with parameters pinned here rather than left to library defaults, so an upgrade of the
 * library never silently weakens (or slows) hashing. m=19 MiB, t=2, p=1 is OWASP's first
 * recommended argon2id configuration; the hash string records them, so raising them later
 * still verifies old hashes.
 */
export const ARGON2_PARAMETERS = {
  // Algorithm.Argon2id; the enum is a const enum that type stripping cannot inline.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch (error) {
    // A malformed stored hash is a data problem, not a wrong password: surface it.
    throw new Error('Stored password hash could not be verified', { cause: error });
  }
}

/**
 * A hash of a random password, computed once, that sign-in verifies against when the e-mail is unknown,
 * so an unknown account costs the same time as a wrong password and the two cannot be told apart.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID() + crypto.randomUUID());
  return dummyHash;
}

/**
 * The common-password list shipped by zxcvbn-ts (leaked-password frequency data), limited to entries
 * our length rule would otherwise accept. Compared case-insensitively: "Password1" is as weak as "password1".
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[])
    .filter((candidate) => candidate.length >= PASSWORD_MIN_LENGTH)
    .map((candidate) => candidate.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
