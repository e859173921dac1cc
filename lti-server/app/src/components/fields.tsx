import type { ComponentChildren } from 'preact';

/** A labelled form field with its error message tied to the control (aria-describedby, aria-invalid). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
  }) => ComponentChildren;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
      })}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The optional "look for" prompt of an open door or a round: one question that points visitors at a strength,
 * never a rubric.
 */
export function LookForField({
  value,
  onInput,
  error,
  example,
}: {
  value: string;
  onInput: (e: Event) => void;
  error?: string | undefined;
  /** An example question for this form, shown in the hint. */
  example?: string;
}) {
  return (
    <Field
      id="lookFor"
      label="“Look for” prompt (optional)"
      hint={`One question that focuses attention on a strength${example ? `, e.g. “${example}”` : ''}. No rubric, no checklist.`}
      error={error}
    >
      {(p) => <input {...p} value={value} onInput={onInput} maxLength={300} />}
    </Field>
  );
}
