import { useState } from 'preact/hooks';
import { parseWords } from '../../../../../shared/errors';
import { t } from '../../../../../shared/i18n';
import { DebriefPatternInputSchema } from '../../../../../shared/rounds';
import type { ApiResult, Debrief } from '../../api';
import { issueMessage } from '../../i18n';
import { Field } from '../fields';

/** The facilitator names a pattern; the shared schema checks the name before it is sent. */
export function PatternForm({ onAdd }: { onAdd: (name: string) => Promise<ApiResult<Debrief>> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = parseWords(DebriefPatternInputSchema, { name });
    // The schema's problem, in the interface's language (the field stops at 120 characters, but a pasted name may
    // still be too long or hold a character that cannot be stored).
    if (!parsed.success) {
      const problem = parsed.fields[0];
      return setError(problem ? issueMessage(problem) : t('debrief.pattern.missing'));
    }
    setBusy(true);
    const r = await onAdd(parsed.data.name);
    setBusy(false);
    if (r.ok) {
      setName('');
      setError('');
    } else setError(r.fields?.find((f) => f.path === 'name')?.message ?? r.message);
  }

  return (
    <form class="pattern-form" onSubmit={submit} noValidate>
      <Field
        id="pattern-name"
        label={t('debrief.pattern.label')}
        hint={t('debrief.pattern.hint')}
        error={error}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={120}
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('debrief.pattern.add')}
        </button>
      </div>
    </form>
  );
}
