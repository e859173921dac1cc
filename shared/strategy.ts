import { z } from 'zod';
import type { MessageKey } from './i18n';
import { safeText } from './text';

/**
 * A strategy on the menu: the school's shared, ten-minute teaching moves. Its grades are an entry of the school's
 * grade list (coach Settings, shared/settings.ts); these K–12 bands are that list until a coach changes it.
 */
export const GRADE_BANDS = ['Any', 'K-2', '3-5', '6-8', '9-12'] as const;
export const STRATEGY_STATUSES = ['pending', 'approved', 'featured', 'retired'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

export const MAX_TAGS = 10;
export const MAX_STEPS = 20;
/** Character limits of a strategy's fields; the forms show them with a counter. */
export const MAX_TITLE = 120;
export const MAX_PURPOSE = 300;
export const MAX_STEP = 500;
export const MAX_SUBJECT = 60;
export const MAX_GRADE = 30;
/** The clipped excerpt (sanitized HTML) keeps the source's full text up to this length. */
export const MAX_EXCERPT = 20_000;

/** Tags are lower-case, trimmed, inner white space collapsed, without a leading '#', deduplicated, in order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ').toLowerCase();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** Normalises a title for duplicate detection: case, punctuation and spacing do not make a strategy new. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalises a source URL: no scheme, no www., no fragment, no tracking parameters, no trailing slash. */
export function normaliseSourceUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    const tracking: string[] = [];
    u.searchParams.forEach((_value, key) => {
      if (/^(utm_|fbclid|gclid)/i.test(key)) tracking.push(key);
    });
    for (const key of tracking) u.searchParams.delete(key);
    const query = u.searchParams.toString();
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Two strategies with the same key are very likely the same strategy clipped twice. */
export function duplicateKey(title: string, sourceUrl: string | null | undefined): string {
  return `${normaliseTitle(title)}|${normaliseSourceUrl(sourceUrl)}`;
}

/** A required text field: its messages are catalog keys, answered in the asker's language (shared/errors.ts). */
const text = (required: MessageKey, tooLong: MessageKey, max: number) =>
  safeText({ error: required }).trim().min(1, required).max(max, tooLong);

const httpUrl = safeText()
  .trim()
  .max(2000, 'errors.field.strategy.source-long')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'errors.field.strategy.source-url');

const tagList = z.array(safeText().max(30, 'errors.field.strategy.tag-long')).max(MAX_TAGS * 2);
const fewTags = (t: string[]) => t.length <= MAX_TAGS;

export const StrategyInputSchema = z.object({
  title: text('errors.field.strategy.title', 'errors.field.strategy.title-long', MAX_TITLE),
  purpose: text('errors.field.strategy.purpose', 'errors.field.strategy.purpose-long', MAX_PURPOSE),
  steps: z
    .array(text('errors.field.strategy.step', 'errors.field.strategy.step-long', MAX_STEP), {
      error: 'errors.field.strategy.steps-list',
    })
    .min(1, 'errors.field.strategy.steps-none')
    .max(MAX_STEPS, 'errors.field.strategy.steps-many'),
  minutes: z
    .number({ error: 'errors.field.strategy.minutes-number' })
    .int('errors.field.strategy.minutes-whole')
    .min(1, 'errors.field.strategy.minutes-min')
    .max(15, 'errors.field.strategy.minutes-max'),
  subject: text('errors.field.strategy.subject', 'errors.field.strategy.subject-long', MAX_SUBJECT),
  /** The grades, as an entry of the school's grade list; free text is read as the nearest ("7th" → "6-8"). */
  gradeBand: safeText({ error: 'errors.field.strategy.grades' })
    .trim()
    .min(1, 'errors.field.strategy.grades-empty')
    .max(MAX_GRADE, 'errors.field.strategy.grades-long'),
  tags: tagList.default([]).transform(normaliseTags).refine(fewTags, 'errors.field.strategy.tags-many'),
  sourceUrl: httpUrl.nullish(),
  sourceTitle: safeText().trim().max(200, 'errors.field.strategy.source-title-long').nullish(),
  excerptHtml: safeText().max(MAX_EXCERPT, 'errors.field.strategy.excerpt-long').nullish(),
  /** Set by the extension so a retried upload never creates a second strategy. */
  clientId: z.string().uuid('errors.field.api.client-id').optional(),
});
export type StrategyInput = z.input<typeof StrategyInputSchema>;
export type StrategyData = z.output<typeof StrategyInputSchema>;

/** PATCH /api/strategies/:id: the fields that change. */
export const StrategyEditSchema = StrategyInputSchema.omit({ clientId: true, tags: true })
  .partial()
  .extend({
    // No default here: an edit that leaves the tags out keeps them.
    tags: tagList.transform(normaliseTags).refine(fewTags, 'errors.field.strategy.tags-many').optional(),
  });
export type StrategyEditInput = z.input<typeof StrategyEditSchema>;
export type StrategyEdit = z.output<typeof StrategyEditSchema>;

export const CURATION_ACTIONS = [
  'approve',
  'feature',
  'unfeature',
  'retire',
  'restore',
  'request-changes',
] as const;
export type CurationAction = (typeof CURATION_ACTIONS)[number];

/** POST /api/strategies/:id/curation (coaches). */
export const CurationInputSchema = z.object({
  action: z.enum(CURATION_ACTIONS, { error: 'errors.field.strategy.curation-action' }),
  message: safeText().max(1000).optional(),
});
export type CurationInput = z.infer<typeof CurationInputSchema>;

/** POST /api/strategies/:id/merge (coaches): this strategy is merged into `intoId`. */
export const MergeInputSchema = z.object({ intoId: safeText().min(1, 'errors.field.api.into-id') });
export type MergeInput = z.infer<typeof MergeInputSchema>;

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

/** What people see of a strategy's state; `needs-changes` and `merged` are derived for the contributor. */
export const DISPLAY_STATUSES = [
  'pending',
  'needs-changes',
  'approved',
  'featured',
  'retired',
  'merged',
] as const;

export const StrategySchema = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  steps: z.array(z.string()),
  minutes: z.number().int(),
  subject: z.string(),
  gradeBand: z.string(),
  tags: z.array(z.string()),
  source: z.object({ url: z.string(), title: z.string().nullable() }).nullable(),
  excerptHtml: z.string().nullable(),
  contributors: z.array(PersonRefSchema),
  status: z.enum(STRATEGY_STATUSES),
  displayStatus: z.enum(DISPLAY_STATUSES),
  changeRequest: z.object({ message: z.string(), at: z.string() }).nullable(),
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Strategy = z.infer<typeof StrategySchema>;

export const StrategyPageSchema = z.object({
  items: z.array(StrategySchema),
  nextCursor: z.string().nullable(),
  /** The search run instead of the typed one when that found nothing (spelling fallback): "Showing results for …". */
  searchedFor: z.string().nullable().default(null),
  /** The school's subject a subject filter was read as ("sci" → "Science"). */
  subject: z.string().nullable().default(null),
  /** The school's grade a grade filter was read as ("7th" → "6-8"). */
  gradeBand: z.string().nullable().default(null),
});
export type StrategyPage = z.infer<typeof StrategyPageSchema>;

/**
 * A strategy as a list shows it (the menu, My clips, the review queue): `GET /api/strategies?view=card`. A page of
 * cards is a third of a page of whole strategies and is read without their credits (issue #20); the strategy's own page
 * reads the rest (`GET /api/strategies/:id`).
 */
export const StrategyCardSchema = StrategySchema.pick({
  id: true,
  title: true,
  purpose: true,
  minutes: true,
  subject: true,
  gradeBand: true,
  tags: true,
  status: true,
  displayStatus: true,
});
export type StrategyCard = z.infer<typeof StrategyCardSchema>;

export const StrategyCardPageSchema = StrategyPageSchema.extend({ items: z.array(StrategyCardSchema) });
export type StrategyCardPage = z.infer<typeof StrategyCardPageSchema>;

const csv = safeText()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();

/** GET /api/strategies query: free-text `q`, filters, cursor pagination. */
export const StrategyQuerySchema = z.object({
  q: safeText().trim().max(200, 'errors.field.strategy.search-long').optional(),
  subject: safeText().trim().max(60).optional(),
  gradeBand: safeText().trim().max(MAX_GRADE).optional(),
  tags: csv,
  maxMinutes: z.coerce.number().int().min(1).max(15).optional(),
  status: z.enum([...STRATEGY_STATUSES, 'mine'] as const).optional(),
  cursor: safeText().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `card`: each item as a list's card shows it (StrategyCardSchema); `full` (the default): whole strategies. */
  view: z.enum(['full', 'card'], { error: 'errors.field.strategy.view' }).default('full'),
});
export type StrategyQuery = z.infer<typeof StrategyQuerySchema>;

/** PUT /api/strategies/:id/try: "I'll try it" or "I tried it", with an optional reflection. */
export const TryInputSchema = z.object({
  state: z.enum(['trying', 'tried'], { error: 'errors.field.api.try-state' }),
  reflection: safeText().max(2000, 'errors.field.strategy.reflection-long').nullish(),
  shareWithContributor: z.boolean().optional(),
});
export type TryInput = z.infer<typeof TryInputSchema>;

/** A person's own "I'll try it" record: private unless they share the reflection with the contributor. */
export const TryStateSchema = z.object({
  state: z.enum(['trying', 'tried']),
  reflection: z.string().nullable(),
  shareWithContributor: z.boolean(),
  updatedAt: z.string(),
});
export type TryState = z.infer<typeof TryStateSchema>;

/** GET /api/strategies/:id. `trying` (counts, shared reflections) is present only for the strategy's contributors. */
export const StrategyDetailSchema = StrategySchema.extend({
  myTry: TryStateSchema.nullable(),
  trying: z
    .object({
      trying: z.number().int(),
      tried: z.number().int(),
      sharedReflections: z.array(z.object({ name: z.string(), reflection: z.string(), at: z.string() })),
    })
    .nullable(),
  /** When a coach last edited it (someone else's strategy); shown to its contributors and to coaches only. */
  editedByCoach: z.object({ at: z.string() }).nullable(),
});
export type StrategyDetail = z.infer<typeof StrategyDetailSchema>;

export const StrategyListSchema = z.object({ items: z.array(StrategySchema) });

/** POST /api/strategies/similar: what a strategy about to be submitted looks like (title and steps). */
export const SimilarQuerySchema = z.object({
  title: safeText().max(MAX_TITLE, 'errors.field.strategy.title-long'),
  steps: z
    .array(safeText().max(MAX_STEP, 'errors.field.strategy.step-long'))
    .max(MAX_STEPS, 'errors.field.strategy.steps-many')
    .default([]),
});
export type SimilarQuery = z.input<typeof SimilarQuerySchema>;

/** GET /api/strategies/review-count (coaches): how many strategies wait in the review queue. */
export const ReviewCountSchema = z.object({ pending: z.number().int().nonnegative() });
export type ReviewCount = z.infer<typeof ReviewCountSchema>;

/** The text fields of a strategy form (in the LMS app and the extension's clip form) as strategy input. */
export interface StrategyFormFields {
  title: string;
  purpose: string;
  /** One step per line. */
  steps: string;
  minutes: string;
  subject: string;
  gradeBand: string;
  /** Comma-separated. */
  tags: string;
}

export function strategyFromForm(f: StrategyFormFields) {
  return {
    title: f.title,
    purpose: f.purpose,
    steps: f.steps
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    minutes: Number(f.minutes),
    subject: f.subject,
    gradeBand: f.gradeBand,
    tags: f.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
