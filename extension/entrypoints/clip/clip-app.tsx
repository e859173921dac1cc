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
import { type ExtensionMessageKey, msg, uiLocale } from '../../lib/i18n';
import { type FormDraft, MAX_SELECTION, sourceTitleOf, suggestClip } from '../../lib/capture';
import { excerptFromText } from '../../lib/readable';

const count = (n: number) => n.toLocaleString(uiLocale());

type Limited = 'title' | 'purpose' | 'steps' | 'subject';
const CHARACTER_LIMITS = { title: MAX_TITLE, purpose: MAX_PURPOSE, subject: MAX_SUBJECT } as const;
const OVER: Record<'title' | 'purpose' | 'subject', ExtensionMessageKey> = {
  title: 'clip_over_title',
  purpose: 'clip_over_purpose',
  subject: 'clip_over_subject',
};

/** The counter under a limited field, and what is over the limit (shown as the field's error while typing). */
function limitOf(key: Limited, value: string): { counter: string; over?: string } {
  if (key === 'steps') {
    const steps = value
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const longest = Math.max(0, ...steps.map((s) => s.length));
    const counter = msg(steps.length === 1 ? 'clip_steps_counter_one' : 'clip_steps_counter', {
      count: count(steps.length),
      max: MAX_STEPS,
      longest: count(longest),
      maxstep: MAX_STEP,
    });
    const tooLong = steps.flatMap((s, i) => (s.length > MAX_STEP ? [{ n: i + 1, length: s.length }] : []));
    const over = [
      ...tooLong.map(({ n, length }) =>
        msg('clip_step_too_long', { n, length: count(length), max: MAX_STEP }),
      ),
      ...(steps.length > MAX_STEPS
        ? [
            msg('clip_too_many_steps', {
              count: steps.length,
              max: MAX_STEPS,
              extra: steps.length - MAX_STEPS,
            }),
          ]
        : []),
    ].join(' ');
    return over ? { counter, over } : { counter };
  }
  const max = CHARACTER_LIMITS[key];
  const length = value.trim().length;
  const counter = msg('clip_characters', { count: count(length), max });
  return length > max ? { counter, over: msg(OVER[key], { count: count(length), max }) } : { counter };
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
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
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
      setResult({ ok: false, text: msg('clip_fix_fields') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await save(clip);
      setResult(
        saved.sync.sent > 0
          ? { ok: true, text: msg('clip_sent') }
          : { ok: false, text: msg('clip_saved_here', { why: saved.sync.stopped ?? msg('clip_sent_soon') }) },
      );
    } catch (error) {
      setResult({ ok: false, text: msg('tags_not_saved', { message: (error as Error).message }) });
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
    <Shell title={msg('menu_add')}>
      {draft.pageUrl && <p class="muted">{msg('clip_from', { source: sourceTitle || draft.pageUrl })}</p>}
      {draft.trimmed && <p class="status">{msg('clip_trimmed', { max: count(MAX_SELECTION) })}</p>}
      <div role="status" aria-live="polite">
        {result && <p class={`status${result.ok ? ' ok' : ''}`}>{result.text}</p>}
      </div>
      <form onSubmit={submit} noValidate>
        {field('title', msg('clip_title'), (p) => (
          <input {...p} />
        ))}
        {field(
          'purpose',
          msg('clip_purpose'),
          (p) => (
            <input {...p} />
          ),
          msg('clip_purpose_hint'),
        )}
        {field(
          'steps',
          msg('clip_steps'),
          (p) => (
            <textarea {...p} rows={5} />
          ),
          msg('clip_steps_hint'),
        )}
        {field('minutes', msg('clip_minutes'), (p) => (
          <input {...p} type="number" min={1} max={15} />
        ))}
        {field('subject', msg('clip_subject'), (p) => (
          <input {...p} />
        ))}
        <div class="field">
          <label for="gradeBand">{msg('clip_grades')}</label>
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
          msg('clip_tags'),
          (p) => (
            <input {...p} />
          ),
          msg('clip_tags_hint'),
        )}
        <button type="submit" disabled={saving}>
          {msg(saving ? 'clip_saving' : 'clip_save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => window.close()}>
          {msg('clip_close')}
        </button>
      </form>
    </Shell>
  );
}
