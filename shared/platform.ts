import { z } from 'zod';
import { safeText } from './text';

/** An https:// address, or http:// on this computer (the sandbox, development). */
export const httpsUrl = () =>
  safeText().refine((s) => {
    try {
      const u = new URL(s);
      return (
        u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname))
      );
    } catch {
      return false;
    }
  }, 'must be an https:// address (http:// only for localhost)');

/** What an LMS administrator gives us to register a platform (Canvas, Schoology, the sandbox). */
export const PlatformRegistrationSchema = z.object({
  issuer: httpsUrl(),
  clientId: safeText().trim().min(1, 'must not be empty').max(255),
  name: safeText().trim().min(1).max(200),
  authUrl: httpsUrl(),
  tokenUrl: httpsUrl(),
  jwksUrl: httpsUrl(),
  deploymentIds: z
    .array(safeText().trim().min(1, 'must not be empty').max(255))
    .min(1, 'at least one deployment id is required'),
});
export type PlatformRegistration = z.infer<typeof PlatformRegistrationSchema>;

/**
 * A platform registered through LTI Dynamic Registration: the LMS may name no deployment yet (Canvas does not), and
 * such a platform's deployments are recorded at their first verified launch.
 */
export const DynamicPlatformRegistrationSchema = PlatformRegistrationSchema.extend({
  deploymentIds: z.array(z.string().trim().min(1, 'must not be empty').max(255)).max(1),
});
export type DynamicPlatformRegistration = z.infer<typeof DynamicPlatformRegistrationSchema>;

/** Which deployments of a platform may launch: only those an operator registered, or any, recorded at first launch. */
export type DeploymentPolicy = 'registered' | 'learn';
