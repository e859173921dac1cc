import { useState } from 'preact/hooks';
import { DebriefPatternInputSchema } from '../../../../../shared/rounds';
import type { ApiResult, Debrief } from '../../api';
import { Field } from '../fields';

/** The facilitator names a pattern; the shared schema checks the name before it is sent. */
export function PatternForm({ onAdd }: { onAdd: (name: string) => Promise<ApiResult<Debrief>> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = DebriefPatternInputSchema.safeParse({ name });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Name the pattern');
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
        label="Name a new pattern"
        hint="A short phrase for what several cards show, such as “Students explain their steps to a partner”."
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
          Add the pattern
        </button>
      </div>
    </form>
  );
}
