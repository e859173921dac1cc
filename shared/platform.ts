import { z } from 'zod';

const httpsUrl = (what: string) =>
  z.string().refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname));
    } catch {
      return false;
    }
  }, `${what} must be an https:// address (http:// only for localhost)`);

/** What an LMS administrator gives us to register a platform (Canvas, Schoology, the sandbox). */
export const PlatformRegistrationSchema = z.object({
  issuer: httpsUrl('--issuer'),
  clientId: z.string().trim().min(1, '--client-id must not be empty').max(255),
  name: z.string().trim().min(1).max(200),
  authUrl: httpsUrl('--auth-url'),
  tokenUrl: httpsUrl('--token-url'),
  jwksUrl: httpsUrl('--jwks-url'),
  deploymentIds: z
    .array(z.string().trim().min(1, '--deployment must not be empty').max(255))
    .min(1, 'at least one --deployment is required'),
});
export type PlatformRegistration = z.infer<typeof PlatformRegistrationSchema>;
