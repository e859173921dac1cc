/**
 * One list the school keeps for its menu (subjects, grades), edited one entry per line in coach Settings. The same
 * field for every such list, so they read and behave alike.
 */
export function SchoolListField({
  id,
  legend,
  label,
  hint,
  value,
  onInput,
}: {
  id: string;
  legend: string;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <fieldset class="card">
      <legend>{legend}</legend>
      <div class="field">
        <label for={id}>{label}</label>
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        <textarea
          id={id}
          rows={8}
          aria-describedby={`${id}-hint`}
          value={value}
          onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        />
      </div>
    </fieldset>
  );
}

/** The entries of a list as the coach typed them, one per line: trimmed, blank lines left out. */
export const listLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
