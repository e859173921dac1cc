import { z } from 'zod';
import { LanguageSchema } from './i18n/languages';

/** GET /healthz: the process is up. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  service: z.literal('tasting-menu'),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/** GET /readyz: the process can serve (its database answers). */
export const ReadySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  /** Why the database is unavailable: a short fixed phrase, never a driver message (which may name hosts or users). */
  reason: z.string().optional(),
});
export type Ready = z.infer<typeof ReadySchema>;

export const RoleSchema = z.enum(['teacher', 'coach']);
export type Role = z.infer<typeof RoleSchema>;

/** GET /api/me: who the session belongs to and which network (shared menu) they are in. */
export const MeSchema = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    role: RoleSchema,
    /** From the LMS's last launch, when it sent them: BCP 47 language, IANA time zone. */
    locale: z.string().optional(),
    timeZone: z.string().optional(),
    /** The interface language the person chose with the language switch; absent: follow `locale`, then the browser. */
    language: LanguageSchema.optional(),
  }),
  network: z.object({ id: z.string(), title: z.string(), scope: z.enum(['course', 'deployment']) }),
  platform: z.object({
    name: z.string(),
    issuer: z.string(),
    /** The school's own name (Settings → Your school's name), when its coach set one. */
    schoolName: z.string().nullable().optional(),
  }),
  session: z.object({ expiresAt: z.string() }),
});
export type Me = z.infer<typeof MeSchema>;

/** PUT /api/me/language: the interface language a person chose; null follows the LMS's locale and the browser again. */
export const LanguageChoiceSchema = z.object({ language: LanguageSchema.nullable() }).strict();
export type LanguageChoice = z.infer<typeof LanguageChoiceSchema>;
