import { useEffect, useRef, useState } from 'preact/hooks';
import { blocksSave } from '../../../../shared/note-linter';
import { MAX_NOTE_LENGTH } from '../../../../shared/notes';
import type { ApiResult, Note } from '../api';
import { LintReport, useNoteLint } from './note-lint';

type Stage =
  /** Writing; Save checks the note first. */
  | 'writing'
  /** Save found a name: nothing is sent until it is gone. */
  | 'blocked'
  /** Save found judgements or guesses: the writer reads why and may save anyway. */
  | 'confirming';

/**
 * One note's text box, linted while typing, with a Save that never sends silently: a name blocks the save (and
 * says so), judgements and guesses ask for a second, explicit "Save anyway". The server checks again (with the
 * whole staff list); its reasons are shown the same way.
 */
export function NoteComposer({
  id,
  label,
  hint,
  initialText = '',
  names,
  saveLabel,
  onSave,
  onSaved,
  onTextChange,
  onCancel,
}: {
  id: string;
  label: string;
  hint?: string;
  initialText?: string;
  /** Names of people the writer can see; stable between renders. */
  names: string[];
  saveLabel: string;
  onSave: (text: string, confirmFlags: boolean) => Promise<ApiResult<Note>>;
  onSaved: (note: Note) => void;
  /** Called on every change (to keep a draft); true when the draft was kept. */
  onTextChange?: (text: string) => boolean;
  onCancel?: () => void;
}) {
  const [text, setText] = useState(initialText);
  const [stage, setStage] = useState<Stage>('writing');
  const [error, setError] = useState('');
  const [server, setServer] = useState<{ message: string; reasons: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [draftKept, setDraftKept] = useState(false);
  const { linted, lintNow } = useNoteLint(text, names);
  const box = useRef<HTMLTextAreaElement>(null);
  const blockedRef = useRef<HTMLParagraphElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const serverBox = useRef<HTMLDivElement>(null);
  /** Counts Save presses that stopped to explain, so each one moves focus to the explanation. */
  const [stops, setStops] = useState(0);

  useEffect(() => {
    if (stage === 'blocked') blockedRef.current?.focus();
    if (stage === 'confirming') confirmRef.current?.focus();
  }, [stage, stops]);
  useEffect(() => {
    if (server) serverBox.current?.focus();
  }, [server]);

  const hasName = blocksSave(linted.flags);
  const describedBy = [
    hint ? `${id}-hint` : '',
    `${id}-count`,
    error ? `${id}-error` : '',
    hasName ? `${id}-blocked` : '',
  ]
    .filter(Boolean)
    .join(' ');

  function change(value: string) {
    setText(value);
    setError('');
    if (stage !== 'writing') setStage('writing');
    if (onTextChange) setDraftKept(onTextChange(value));
  }

  async function send(confirmFlags: boolean) {
    setBusy(true);
    const r = await onSave(text.trim(), confirmFlags);
    setBusy(false);
    if (r.ok) {
      setServer(null);
      setStage('writing');
      onSaved(r.data);
      return;
    }
    setStage('writing');
    if (r.code === 'NOTE_FLAGGED') {
      setServer({ message: r.message, reasons: (r.fields ?? []).map((f) => f.message) });
      return;
    }
    const textIssue = r.fields?.find((f) => f.path === 'text');
    if (textIssue) {
      setError(textIssue.message);
      box.current?.focus();
    } else setServer({ message: r.message, reasons: [] });
  }

  function save() {
    setServer(null);
    if (!text.trim()) {
      setError('Write one piece of evidence first.');
      box.current?.focus();
      return;
    }
    const flags = lintNow();
    if (flags.length === 0) return send(false);
    setStage(blocksSave(flags) ? 'blocked' : 'confirming');
    setStops((n) => n + 1);
    return undefined;
  }

  return (
    <div class="composer">
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={id}>{label}</label>
        {hint && (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <textarea
          id={id}
          ref={box}
          rows={4}
          maxLength={MAX_NOTE_LENGTH}
          value={text}
          aria-describedby={describedBy}
          {...(error ? { 'aria-invalid': 'true' as const } : {})}
          onInput={(e) => change((e.target as HTMLTextAreaElement).value)}
        />
        <p class="hint" id={`${id}-count`}>
          {text.length} of {MAX_NOTE_LENGTH} characters
          {draftKept && text.trim() ? ' · draft kept on this device until you save' : ''}
        </p>
        {error && (
          <p class="error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <LintReport id={id} linted={linted} />
      {hasName && (
        <p id={`${id}-blocked`} class="blocked" tabIndex={-1} ref={blockedRef}>
          <strong>Remove the names first.</strong> A note that names someone cannot be saved: write “the
          teacher” or “a student” instead.
        </p>
      )}
      {server && (
        <div class="card attention" role="alert" tabIndex={-1} ref={serverBox}>
          <p>{server.message}</p>
          {server.reasons.length > 0 && (
            <ul class="flags">
              {server.reasons.map((reason) => (
                <li key={reason} class="flag">
                  {reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {stage === 'confirming' ? (
        <fieldset class="confirm" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} tabIndex={-1} ref={confirmRef}>
            This note reads as a judgement or a guess ({linted.flags.length} flagged above). Notes work best
            as what you saw or heard. Rephrase it, or save it as it is.
          </p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => send(true)}>
              {busy ? 'Saving…' : 'Save anyway'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setStage('writing');
                box.current?.focus();
              }}
            >
              Keep editing
            </button>
          </div>
        </fieldset>
      ) : (
        <div class="actions">
          <button
            type="button"
            disabled={busy}
            onClick={save}
            aria-describedby={hasName ? `${id}-blocked` : undefined}
          >
            {busy ? 'Saving…' : saveLabel}
          </button>
          {onCancel && (
            <button type="button" class="secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
    </div>
  );
}
