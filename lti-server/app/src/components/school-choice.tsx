/**
 * A text field that offers the entries of one of the school's lists (subjects, grades) as suggestions; anything else
 * may be typed, and the server reads it as the nearest entry ("Sci" → Science, "7th" → 6-8). Used by the strategy
 * form and the menu's filters alike.
 */
export function SchoolChoiceInput({
  listId,
  options,
  value,
  onInput,
  maxLength,
  required,
  ...rest
}: {
  id: string;
  listId: string;
  options: readonly string[];
  value: string;
  onInput: (e: Event) => void;
  maxLength: number;
  required?: boolean;
  placeholder?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}) {
  return (
    <>
      <input
        {...rest}
        list={listId}
        autocomplete="off"
        value={value}
        onInput={onInput}
        maxLength={maxLength}
        required={required}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}
