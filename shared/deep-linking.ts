import { z } from 'zod';
import { safeText } from './text';

/** POST /api/deep-links/:id: the strategy a teacher picked in the LMS editor, as a link to it or as a card. */
export const DeepLinkChoiceSchema = z.object({
  strategyId: safeText().min(1, 'errors.field.deep-link.strategy'),
  as: z.enum(['link', 'card'], { error: 'errors.field.deep-link.as' }),
});
export type DeepLinkChoice = z.infer<typeof DeepLinkChoiceSchema>;
