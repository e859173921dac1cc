import { z } from 'zod';

/**
 * LTI Dynamic Registration as the LMS opens it (`GET /lti/register?openid_configuration=…&registration_token=…`),
 * and the form our page posts back with the operator's registration code.
 */
export const RegistrationQuerySchema = z.object({
  openid_configuration: z.string().trim().min(1, 'errors.field.registration.configuration').max(2000),
  registration_token: z.string().max(8000).optional(),
});

export const RegistrationFormSchema = RegistrationQuerySchema.extend({
  code: z.string().max(100).optional(),
});
export type RegistrationForm = z.infer<typeof RegistrationFormSchema>;

/** Registration codes: 16 characters from an alphabet without look-alikes (80 bits), shown in groups of four. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 16;

/** What a person typed, as stored: upper case, without the spaces and dashes of the grouping. */
export function normalizeInviteCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function formatInviteCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_EXPIRY_MS = 90 * UNIT_MS.d;

/** `--expires` of `npm run platform -- invite`: `30m`, `12h`, `7d` (at most 90 days), as milliseconds. */
export const InviteExpirySchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}[mhd]$/, 'must be a number with m, h or d, such as 7d')
  .transform((s) => Number(s.slice(0, -1)) * UNIT_MS[s.slice(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms > 0 && ms <= MAX_EXPIRY_MS, 'must be between 1 minute and 90 days');
