import { z } from 'zod';

/**
 * Colleagues in the course, from the LMS's Names and Roles service: staff only. Students are dropped as the roster
 * is read; their names are never stored or sent to the browser.
 */
export const RosterSchema = z.object({
  available: z.boolean(),
  message: z.string().optional(),
  colleagues: z.array(z.object({ name: z.string(), role: z.enum(['teacher', 'coach']) })),
});
export type Roster = z.infer<typeof RosterSchema>;
