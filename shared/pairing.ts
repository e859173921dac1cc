import { z } from 'zod';
import { safeText } from './text';

/** Pairing codes avoid letters and digits people confuse (0/O, 1/I/L). */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;

/** What a person types: any case, with or without the dash or spaces. */
export function normalisePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const PairingStartSchema = z.object({
  label: safeText().trim().min(1, 'errors.field.pairing.label').max(80, 'errors.field.pairing.label-long'),
});
export type PairingStart = z.infer<typeof PairingStartSchema>;

export const PairingStartedSchema = z.object({
  pairingId: z.string(),
  code: z.string(),
  claimSecret: z.string(),
  expiresAt: z.string(),
});
export type PairingStarted = z.infer<typeof PairingStartedSchema>;

export const PairingConfirmSchema = z.object({
  code: safeText({ error: 'errors.field.pairing.code' })
    .transform(normalisePairingCode)
    .refine((c) => c.length === PAIRING_CODE_LENGTH, 'errors.field.pairing.code-format'),
});
export type PairingConfirmInput = z.input<typeof PairingConfirmSchema>;
export type PairingConfirm = z.output<typeof PairingConfirmSchema>;

export const PairingClaimSchema = z.object({
  pairingId: safeText().min(1).max(100),
  claimSecret: safeText().min(1).max(200),
});
export type PairingClaim = z.infer<typeof PairingClaimSchema>;

export const PairingClaimResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting'), expiresAt: z.string() }),
  z.object({
    state: z.literal('paired'),
    token: z.string(),
    person: z.object({ name: z.string() }),
    network: z.object({ title: z.string() }),
    expiresAt: z.string(),
  }),
]);
export type PairingClaimResult = z.infer<typeof PairingClaimResultSchema>;

export const DeviceSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type Device = z.infer<typeof DeviceSchema>;
