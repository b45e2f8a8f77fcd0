import { config } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` after probing whether eval is allowed. Our CSP
 * has no 'unsafe-eval', so the probe fails safely but still fires a CSP violation report, once per
 * page load. The probe runs when an object schema is *constructed*, so this must be evaluated before
 * any schema module: main.ts imports it first, and vite.config.ts puts it in the zod chunk so bundling
 * cannot reorder it after the schemas.
 */
config({ jitless: true });
