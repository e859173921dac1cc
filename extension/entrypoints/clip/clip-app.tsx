import { useState } from 'preact/hooks';
import { type Clip, ClipSchema, type ExtensionResponses } from '../../../shared/messages';
import {
  GRADE_BANDS,
  MAX_PURPOSE,
  MAX_STEP,
  MAX_STEPS,
  MAX_SUBJECT,
  MAX_TITLE,
  strategyFromForm,
} from '../../../shared/strategy';
import { Shell } from '../../components/shell';
import { type FormDraft, MAX_SELECTION, sourceTitleOf, suggestClip } from '../../lib/capture';
import { excerptFromText } from '../../lib/readable';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

type Limited = 'title' | 'purpose' | 'steps' | 'subject';
const CHARACTER_LIMITS = { title: MAX_TITLE, purpose: MAX_PURPOSE, subject: MAX_SUBJECT } as const;
const LABELS = { title: 'The title', purpose: 'What it is for', subject: 'The subject' } as const;

/** The counter under a limited field, and what is over the limit (shown as the field's error while typing). */
function limitOf(key: Limited, value: string): { counter: string; over?: string } {
  if (key === 'steps') {
    const steps = value
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const longest = Math.max(0, ...steps.map((s) => s.length));
    const counter = `${plural(steps.length, 'step')} of at most ${MAX_STEPS}; longest ${count(longest)} of ${MAX_STEP} characters`;
    const tooLong = steps.flatMap((s, i) => (s.length > MAX_STEP ? [{ n: i + 1, length: s.length }] : []));
    const over = [
      ...tooLong.map(
        ({ n, length }) =>
          `Step ${n} has ${count(length)} characters; a step can have at most ${MAX_STEP}. Split it over two lines.`,
      ),
      ...(steps.length > MAX_STEPS
        ? [
            `There are ${steps.length} steps; a strategy has at most ${MAX_STEPS}. Join or remove ${steps.length - MAX_STEPS}.`,
          ]
        : []),
    ].join(' ');
    return over ? { counter, over } : { counter };
  }
  const max = CHARACTER_LIMITS[key];
  const length = value.trim().length;
  const counter = `${count(length)} of ${max} characters`;
  return length > max
    ? { counter, over: `${LABELS[key]} has ${count(length)} characters; it can have at most ${max}.` }
    : { counter };
}

/** The clip form: a strategy draft from the selection, saved to the outbox first and sent when it can be. */
export function ClipApp({
  draft,
  save,
  defaultTags = [],
}: {
  /** Tags from Options that every clip starts with. */
  defaultTags?: string[];
  /** `excerptHtml`: the selection or the page's main text, already sanitized (`formDraft`). */
  draft: FormDraft;
  save: (clip: Clip) => Promise<ExtensionResponses['clip/save']>;
}) {
  // Headings, lists and sentences of the source: a title and steps, nothing cut (the counters show the limits).
  const [suggestion] = useState(() => suggestClip(draft));
  // On Canvas and Schoology: "Page title — Course name" rather than the tab's title.
  const sourceTitle = sourceTitleOf(draft);
  // The full text clipped, as sanitized HTML (a draft that did not come through formDraft: its text as paragraphs).
  const excerptHtml = draft.excerptHtml ?? (draft.text ? excerptFromText(draft.text).html : '');
  const [form, setForm] = useState({
    title: suggestion.title,
    purpose: '',
    steps: suggestion.steps.join('\n'),
    minutes: '10',
    subject: '',
    gradeBand: 'Any',
    tags: defaultTags.join(', '),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState('');
  const [saving, setSaving] = useState(false);
  // Editing a field clears what the last save said about it; limits are checked again as it is typed.
  const set = (key: keyof typeof form) => (e: Event) => {
    setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  async function submit(e: Event) {
    e.preventDefault();
    const clip: Clip = {
      ...strategyFromForm(form),
      ...(draft.pageUrl.startsWith('http') ? { sourceUrl: draft.pageUrl } : {}),
      ...(sourceTitle ? { sourceTitle } : {}),
      // Sanitized already (DOMPurify, or escaped text); the server sanitizes again.
      ...(excerptHtml ? { excerptHtml } : {}),
    };
    const checked = ClipSchema.safeParse(clip);
    if (!checked.success) {
      const byField: Record<string, string> = {};
      for (const issue of checked.error.issues) byField[String(issue.path[0])] ??= issue.message;
      setErrors(byField);
      setResult('Please fix the fields marked below; nothing you typed was lost.');
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await save(clip);
      setResult(
        saved.sync.sent > 0
          ? 'Sent to your school’s menu. A coach will review it; you can follow it in the popup under My clips.'
          : `Saved in this browser. ${saved.sync.stopped ?? 'It will be sent soon.'}`,
      );
    } catch (error) {
      setResult(`Not saved: ${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  }

  const field = (
    key: keyof typeof form,
    label: string,
    input: (p: Record<string, unknown>) => preact.JSX.Element,
    hint?: string,
  ) => {
    // Over a limit shows at once, while typing; other problems when the form is sent.
    const limit = key in CHARACTER_LIMITS || key === 'steps' ? limitOf(key as Limited, form[key]) : null;
    const error = limit?.over ?? errors[key];
    return (
      <div class="field">
        <label for={key}>{label}</label>
        {hint && (
          <p class="hint" id={`${key}-hint`}>
            {hint}
          </p>
        )}
        {input({
          id: key,
          value: form[key],
          onInput: set(key),
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby':
            [hint ? `${key}-hint` : '', limit ? `${key}-count` : '', error ? `${key}-error` : '']
              .filter(Boolean)
              .join(' ') || undefined,
        })}
        {limit && (
          <p class="hint counter" id={`${key}-count`}>
            {limit.counter}
          </p>
        )}
        <div aria-live="polite">
          {error && (
            <p class="error" id={`${key}-error`}>
              {error}
            </p>
          )}
        </div>
      </div>
    );
  };

  return (
    <Shell title="Add to the tasting menu">
      {draft.pageUrl && <p class="muted">From: {sourceTitle || draft.pageUrl}</p>}
      {draft.trimmed && (
        <p class="status">
          What you clipped is longer than a clip can keep ({count(MAX_SELECTION)} characters): the excerpt
          keeps it from the start, up to the end of a paragraph. Select less to keep a later part.
        </p>
      )}
      <div role="status" aria-live="polite">
        {result && <p class={`status${result.startsWith('Sent') ? ' ok' : ''}`}>{result}</p>}
      </div>
      <form onSubmit={submit} noValidate>
        {field('title', 'Title', (p) => (
          <input {...p} />
        ))}
        {field(
          'purpose',
          'What it is for',
          (p) => (
            <input {...p} />
          ),
          'One sentence.',
        )}
        {field(
          'steps',
          'Steps',
          (p) => (
            <textarea {...p} rows={5} />
          ),
          'One step per line. The full text you clipped is kept with the strategy as its excerpt.',
        )}
        {field('minutes', 'Minutes', (p) => (
          <input {...p} type="number" min={1} max={15} />
        ))}
        {field('subject', 'Subject', (p) => (
          <input {...p} />
        ))}
        <div class="field">
          <label for="gradeBand">Grades</label>
          <select id="gradeBand" value={form.gradeBand} onChange={set('gradeBand')}>
            {GRADE_BANDS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        {field(
          'tags',
          'Tags',
          (p) => (
            <input {...p} />
          ),
          'Separated by commas.',
        )}
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save clip'}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => window.close()}>
          Close
        </button>
      </form>
    </Shell>
  );
}
