import { t } from '../../../../shared/i18n';
import { MAX_NOTE_LENGTH } from '../../../../shared/notes';
import { Trans } from './trans';
import type { ApiResult, Note } from '../api';
import { useNoteComposer } from '../hooks/use-note-composer';
import { LintReport } from './note-lint';

/**
 * One note's text box, linted while typing, with a Save that never sends silently: a name blocks the save (and
 * says so), judgements and guesses ask for a second, explicit "Save anyway". The server checks again (with the
 * whole staff list); its reasons are shown the same way.
 */
export function NoteComposer<T = Note>({
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
  namesOnly = false,
}: {
  id: string;
  label: string;
  hint?: string;
  initialText?: string;
  /** Names of people the writer can see; stable between renders. */
  names: string[];
  saveLabel: string;
  onSave: (text: string, confirmFlags: boolean) => Promise<ApiResult<T>>;
  onSaved: (saved: T) => void;
  /** Called on every change (to keep a draft); true when the draft was kept. */
  onTextChange?: (text: string) => boolean;
  onCancel?: () => void;
  /** Check only for names: for reflective texts (a question, a reply, a plan) rather than evidence. */
  namesOnly?: boolean;
}) {
  const {
    text,
    stage,
    error,
    server,
    busy,
    draftKept,
    linted,
    hasName,
    change,
    save,
    send,
    keepEditing,
    box,
    blockedRef,
    confirmRef,
    serverBox,
  } = useNoteComposer<T>({ initialText, names, onSave, onSaved, onTextChange, namesOnly });
  const describedBy = [
    hint ? `${id}-hint` : '',
    `${id}-count`,
    error ? `${id}-error` : '',
    hasName ? `${id}-blocked` : '',
  ]
    .filter(Boolean)
    .join(' ');

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
          {t(draftKept && text.trim() ? 'note.count.draft' : 'note.count', {
            count: text.length,
            max: MAX_NOTE_LENGTH,
          })}
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
          <Trans text={t('note.blocked')} parts={{ strong: (inner) => <strong>{inner}</strong> }} />
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
            {t('note.confirm', { count: linted.flags.length })}
          </p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => send(true)}>
              {t(busy ? 'common.saving' : 'note.save-anyway')}
            </button>
            <button type="button" class="secondary" onClick={keepEditing}>
              {t('note.keep-editing')}
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
            {busy ? t('common.saving') : saveLabel}
          </button>
          {onCancel && (
            <button type="button" class="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
