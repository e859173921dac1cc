import { useState } from 'preact/hooks';
import { type Clip, ClipSchema, type ExtensionResponses } from '../../../shared/messages';
import { GRADE_BANDS, strategyFromForm } from '../../../shared/strategy';
import { Shell } from '../../components/shell';
import { type ClipDraft, sourceTitleOf, stepsFrom, titleFrom } from '../../lib/capture';

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The clip form: a strategy draft from the selection, saved to the outbox first and sent when it can be. */
export function ClipApp({
  draft,
  save,
  defaultTags = [],
}: {
  /** Tags from Options that every clip starts with. */
  defaultTags?: string[];
  /** `excerptHtml`: the page's main text, already sanitized, when Readability found it. */
  draft: ClipDraft & { excerptHtml?: string };
  save: (clip: Clip) => Promise<ExtensionResponses['clip/save']>;
}) {
  const title = titleFrom(draft);
  // On Canvas and Schoology: "Page title — Course name" rather than the tab's title.
  const sourceTitle = sourceTitleOf(draft);
  // When the selection's first line became the title, it is not a step too.
  const steps = stepsFrom(draft.text);
  const [form, setForm] = useState({
    title,
    purpose: '',
    steps: (steps[0] === title ? steps.slice(1) : steps).join('\n'),
    minutes: '10',
    subject: '',
    gradeBand: 'Any',
    tags: defaultTags.join(', '),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [key]: (e.target as HTMLInputElement).value });

  async function submit(e: Event) {
    e.preventDefault();
    const clip: Clip = {
      ...strategyFromForm(form),
      ...(draft.pageUrl.startsWith('http') ? { sourceUrl: draft.pageUrl } : {}),
      ...(sourceTitle ? { sourceTitle } : {}),
      // Readability's excerpt is sanitized already; a selection becomes escaped paragraphs. The server sanitizes again.
      ...(draft.excerptHtml
        ? { excerptHtml: draft.excerptHtml }
        : draft.text
          ? {
              excerptHtml: draft.text
                .split(/\n+/)
                .map((p) => `<p>${escapeHtml(p)}</p>`)
                .join(''),
            }
          : {}),
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
  ) => (
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
        'aria-invalid': errors[key] ? 'true' : undefined,
        'aria-describedby':
          [hint ? `${key}-hint` : '', errors[key] ? `${key}-error` : ''].filter(Boolean).join(' ') ||
          undefined,
      })}
      {errors[key] && (
        <p class="error" id={`${key}-error`}>
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    <Shell title="Add to the tasting menu">
      {draft.pageUrl && <p class="muted">From: {sourceTitle || draft.pageUrl}</p>}
      {draft.trimmed && (
        <p class="status">The selection was long, so only its first 5,000 characters were kept.</p>
      )}
      <div role="status" aria-live="polite">
        {result && <p class={`status${result.startsWith('Sent') ? ' ok' : ''}`}>{result}</p>}
      </div>
      <form onSubmit={submit} noValidate>
        {field('title', 'Title', (p) => (
          <input {...p} maxLength={120} />
        ))}
        {field(
          'purpose',
          'What it is for',
          (p) => (
            <input {...p} maxLength={300} />
          ),
          'One sentence.',
        )}
        {field(
          'steps',
          'Steps',
          (p) => (
            <textarea {...p} rows={5} />
          ),
          'One step per line.',
        )}
        {field('minutes', 'Minutes', (p) => (
          <input {...p} type="number" min={1} max={15} />
        ))}
        {field('subject', 'Subject', (p) => (
          <input {...p} maxLength={60} />
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
