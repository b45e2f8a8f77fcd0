import fc from 'fast-check';

/**
 * Property tests explore new random inputs on every developer run. In CI they use one fixed seed
 * (FC_SEED overrides it), so a red build is reproducible and a rare case found locally becomes a
 * named regression test rather than a coin flip on someone else's submission.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261125 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
