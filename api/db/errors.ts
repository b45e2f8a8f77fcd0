/**
 * Whether an error from either driver (postgres.js or PGlite, possibly wrapped by drizzle) is a
 * unique-constraint violation (SQLSTATE 23505), e.g. two sign-ups racing for one e-mail.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === '23505') return true;
    current = typeof current === 'object' && 'cause' in current ? (current as { cause: unknown }).cause : undefined;
  }
  return false;
}
