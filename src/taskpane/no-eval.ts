/**
 * The pane's Content-Security-Policy has no 'unsafe-eval'. zod (used by the core's catalogue)
 * compiles fast parsers with `new Function` unless told not to, and its probe for that is
 * itself reported as a policy violation. Imported first by engine.ts, before any schema exists.
 */
import { config } from 'zod';

config({ jitless: true });
