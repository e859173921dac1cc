import type { ComponentChildren } from 'preact';
import { t } from '../../../../shared/i18n';
import { OCCURRENCES, type Occurrence } from '../../../../shared/zoned-time';
import type { OccurrenceChoice } from '../time';

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
 * never a rubric. A round's may hold a few, one per line: each host chooses from them for their room.
 */
export function LookForField({
  value,
  onInput,
  error,
  example,
  perLine = false,
}: {
  value: string;
  onInput: (e: Event) => void;
  error?: string | undefined;
  /** An example question for this form, shown in the hint. */
  example?: string;
  /** A round's look-fors, one per line, for its hosts to choose from. */
  perLine?: boolean;
}) {
  return (
    <Field
      id="lookFor"
      label={t('look-for.label')}
      hint={
        perLine
          ? t('look-for.hint.per-line')
          : example
            ? t('look-for.hint.example', { example })
            : t('look-for.hint')
      }
      error={error}
    >
      {(p) =>
        perLine ? (
          <textarea {...p} value={value} onInput={onInput} maxLength={300} rows={3} />
        ) : (
          <input {...p} value={value} onInput={onInput} maxLength={300} />
        )
      }
    </Field>
  );
}

/** Offered when the server asks which of two readings is meant but the browser's own zone data saw only one. */
const UNLABELLED_CHOICE: OccurrenceChoice = {
  get legend() {
    return t('occurrence.legend');
  },
  get earlier() {
    return t('occurrence.earlier');
  },
  get later() {
    return t('occurrence.later');
  },
};

/**
 * The choice between the two readings of a start the clocks show twice. Nothing is chosen until the person picks;
 * the server refuses such a time without a choice, and its question shows here as the error.
 */
export function OccurrenceField({
  choice,
  value,
  onChange,
  error,
}: {
  choice: OccurrenceChoice | null;
  value: Occurrence | '';
  onChange: (occurrence: Occurrence) => void;
  error?: string | undefined;
}) {
  const labels = choice ?? UNLABELLED_CHOICE;
  return (
    <fieldset class="card" aria-describedby={error ? 'occurrence-error' : undefined}>
      <legend>{labels.legend}</legend>
      {OCCURRENCES.map((o) => (
        <div class="check" key={o}>
          <input
            type="radio"
            id={`occurrence-${o}`}
            name="occurrence"
            checked={value === o}
            onChange={() => onChange(o)}
            {...(error ? { 'aria-invalid': 'true' as const } : {})}
          />
          <label for={`occurrence-${o}`}>{labels[o]}</label>
        </div>
      ))}
      {error && (
        <p class="error" id="occurrence-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
