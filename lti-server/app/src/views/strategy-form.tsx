import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldIssue } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import type { MenuOptions } from '../../../../shared/settings';
import {
  MAX_GRADE,
  MAX_SUBJECT,
  type Strategy,
  type StrategyInput,
  strategyFromForm,
} from '../../../../shared/strategy';
import { createStrategy, editStrategy, getMenuOptions, getStrategy, similarStrategies } from '../api';
import { Field } from '../components/fields';
import { SchoolChoiceInput } from '../components/school-choice';
import { Trans } from '../components/trans';
import { href, navigate } from '../router';

interface FormState {
  title: string;
  purpose: string;
  steps: string;
  minutes: string;
  subject: string;
  gradeBand: string;
  tags: string;
  sourceUrl: string;
}

const EMPTY: FormState = {
  title: '',
  purpose: '',
  steps: '',
  minutes: '10',
  subject: '',
  gradeBand: 'Any',
  tags: '',
  sourceUrl: '',
};

function toInput(f: FormState): StrategyInput {
  return { ...strategyFromForm(f), sourceUrl: f.sourceUrl.trim() || null };
}

/** Add a strategy (or edit one): the same fields the extension fills in, with the server's field messages. */
export function StrategyForm({ token, editId }: { token: string; editId?: string }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  /** An edit shows its fields only once the stored strategy is in them, so no typing is overwritten by a late load. */
  const [loaded, setLoaded] = useState(!editId);
  /** What a new strategy looks like on the menu (or among the teacher's own), once they pressed "Add". */
  const [similar, setSimilar] = useState<Strategy[]>([]);
  const warning = useRef<HTMLElement>(null);

  useEffect(() => {
    if (similar.length > 0) warning.current?.focus();
  }, [similar]);
  /** The school's subjects and grades (coach Settings), offered as the fields' suggestions. */
  const [options, setOptions] = useState<MenuOptions>({ subjects: [], grades: [] });

  useEffect(() => {
    getMenuOptions(token).then((r) => r.ok && setOptions(r.data));
  }, [token]);

  useEffect(() => {
    if (!editId) return;
    getStrategy(token, editId).then((r) => {
      if (!r.ok) return setMessage(r.message);
      const s = r.data;
      setLoaded(true);
      setForm({
        title: s.title,
        purpose: s.purpose,
        steps: s.steps.join('\n'),
        minutes: String(s.minutes),
        subject: s.subject,
        gradeBand: s.gradeBand,
        tags: s.tags.join(', '),
        sourceUrl: s.source?.url ?? '',
      });
    });
  }, [token, editId]);

  const set = (key: keyof FormState) => (e: Event) => {
    setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
    // A changed strategy is checked again on the next "Add".
    if (similar.length > 0) setSimilar([]);
  };

  async function submit(e: Event, anyway = false) {
    e.preventDefault();
    setSaving(true);
    if (!editId && !anyway) {
      // Not a gate: when the check fails (or finds nothing), the strategy is submitted as usual.
      const input = toInput(form);
      const check = await similarStrategies(token, { title: input.title, steps: input.steps });
      if (check.ok && check.data.items.length > 0) {
        setSaving(false);
        setSimilar(check.data.items);
        return;
      }
    }
    setSimilar([]);
    const result = editId
      ? await editStrategy(token, editId, toInput(form))
      : await createStrategy(token, toInput(form));
    setSaving(false);
    if (result.ok) {
      navigate({ name: 'strategy', id: result.data.id });
      return;
    }
    const byField: Record<string, string> = {};
    for (const f of result.fields ?? ([] as FieldIssue[]))
      byField[f.path.split('.')[0] ?? f.path] ??= f.message;
    setErrors(byField);
    setMessage(result.fields?.length ? t('common.fix-fields') : result.message);
    (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {editId ? t('strategy-form.title.edit') : t('strategy-form.title.add')}
      </h1>
      <p class="lede">{t('strategy-form.lede')}</p>
      {message && (
        <p class="card" role="alert">
          {message}
        </p>
      )}
      {!loaded && !message && (
        <p role="status" class="muted">
          {t('strategy-form.loading')}
        </p>
      )}
      {loaded && (
        <form onSubmit={submit} noValidate>
          <Field id="title" label={t('strategy-form.title')} error={errors.title}>
            {(p) => <input {...p} value={form.title} onInput={set('title')} maxLength={120} required />}
          </Field>
          <Field
            id="purpose"
            label={t('strategy-form.purpose')}
            hint={t('strategy-form.purpose.hint')}
            error={errors.purpose}
          >
            {(p) => <input {...p} value={form.purpose} onInput={set('purpose')} maxLength={300} required />}
          </Field>
          <Field
            id="steps"
            label={t('strategy-form.steps')}
            hint={t('strategy-form.steps.hint')}
            error={errors.steps}
          >
            {(p) => <textarea {...p} rows={5} value={form.steps} onInput={set('steps')} required />}
          </Field>
          <div class="row">
            <Field
              id="minutes"
              label={t('strategy-form.minutes')}
              hint={t('strategy-form.minutes.hint')}
              error={errors.minutes}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  max={15}
                  value={form.minutes}
                  onInput={set('minutes')}
                  required
                />
              )}
            </Field>
            <Field id="subject" label={t('strategy-form.subject')} error={errors.subject}>
              {(p) => (
                <SchoolChoiceInput
                  {...p}
                  listId="subject-options"
                  options={options.subjects}
                  value={form.subject}
                  onInput={set('subject')}
                  maxLength={MAX_SUBJECT}
                  required
                />
              )}
            </Field>
            <Field id="gradeBand" label={t('strategy-form.grades')} error={errors.gradeBand}>
              {(p) => (
                <SchoolChoiceInput
                  {...p}
                  listId="grade-options"
                  options={options.grades}
                  value={form.gradeBand}
                  onInput={set('gradeBand')}
                  maxLength={MAX_GRADE}
                  required
                />
              )}
            </Field>
          </div>
          <Field
            id="tags"
            label={t('strategy-form.tags')}
            hint={t('strategy-form.tags.hint')}
            error={errors.tags}
          >
            {(p) => <input {...p} value={form.tags} onInput={set('tags')} />}
          </Field>
          <Field id="sourceUrl" label={t('strategy-form.source')} error={errors.sourceUrl}>
            {(p) => <input {...p} type="url" value={form.sourceUrl} onInput={set('sourceUrl')} />}
          </Field>
          {similar.length > 0 ? (
            <SimilarWarning
              similar={similar}
              focusRef={warning}
              onAnyway={(e) => submit(e, true)}
              onKeepEditing={() => {
                setSimilar([]);
                document.getElementById('title')?.focus();
              }}
            />
          ) : (
            <button type="submit" disabled={saving}>
              {saving
                ? t('common.saving')
                : editId
                  ? t('strategy-form.save-changes')
                  : t('strategy-form.add')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}

/** "This looks like X — add to it instead?": a link to the look-alike, and the choice to submit anyway. */
function SimilarWarning({
  similar,
  focusRef,
  onAnyway,
  onKeepEditing,
}: {
  similar: Strategy[];
  focusRef: { current: HTMLElement | null };
  onAnyway: (e: Event) => void;
  onKeepEditing: () => void;
}) {
  const [first, ...others] = similar;
  if (!first) return null;
  return (
    <section class="card attention" aria-labelledby="similar-q" tabIndex={-1} ref={focusRef}>
      <p id="similar-q">
        <Trans
          text={t('strategy-form.similar', { title: first.title })}
          parts={{ strategy: (title) => <a href={href({ name: 'strategy', id: first.id })}>{title}</a> }}
        />
      </p>
      {others.length > 0 && (
        <ul class="plain" aria-label={t('strategy-form.similar.others')}>
          {others.map((o) => (
            <li key={o.id}>
              <a href={href({ name: 'strategy', id: o.id })}>{o.title}</a>
            </li>
          ))}
        </ul>
      )}
      <p class="actions">
        <button type="button" onClick={onAnyway}>
          {t('strategy-form.similar.anyway')}
        </button>
        <button type="button" class="secondary" onClick={onKeepEditing}>
          {t('strategy-form.similar.keep-editing')}
        </button>
      </p>
    </section>
  );
}
