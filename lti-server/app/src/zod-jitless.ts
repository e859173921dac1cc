import { z } from 'zod';

/**
 * The app's Content-Security-Policy allows no eval: zod must neither compile its object parsers with `new Function`
 * nor probe whether it may (the probe alone is a CSP violation). Schemas read this when they are built, so main.tsx
 * imports this module before anything that builds one.
 */
z.config({ jitless: true });
