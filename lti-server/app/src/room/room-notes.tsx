import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/api';
import { MAX_NOTE_LENGTH, NOTE_PROMPTS, type NotePrompt, PROMPT_TEXT } from '../../../../shared/notes';
import { getVisit, listNotes, type Note, type Visit, writeNote } from '../api';
import { LintReport } from '../components/note-lint';
import { useNoteComposer } from '../hooks/use-note-composer';
import { formatTime, viewerZone } from '../time';

/** The clock, ticking every second while the page is open (the countdown). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/**
 * How much of the screen the on-screen keyboard covers (where the browser keeps the layout viewport when it opens,
 * as Safari does), as the CSS variable --keyboard-inset: the Save bar sits that far up, so it stays above the
 * keyboard.
 */
function useKeyboardInset(): void {
  useEffect(() => {
    const vv = window.visualViewport;
    if (!vv) return;
    const update = () =>
      document.documentElement.style.setProperty(
        '--keyboard-inset',
        `${Math.max(0, window.innerHeight - vv.height - vv.offsetTop)}px`,
      );
    update();
    vv.addEventListener('resize', update);
    vv.addEventListener('scroll', update);
    return () => {
      vv.removeEventListener('resize', update);
      vv.removeEventListener('scroll', update);
    };
  }, []);
}

/** "7:05 left" */
function remaining(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One of my visits, for writing notes on a phone while in the room. */
export function RoomNotes({ token, visitId, me }: { token: string; visitId: string; me: Me }) {
  const [visit, setVisit] = useState<Visit | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState('');
  const now = useNow();

  useEffect(() => {
    getVisit(token, visitId).then((r) =>
      r.ok
        ? setVisit(r.data)
        : setError(r.code === 'NOT_FOUND' ? 'This visit is not one of yours.' : r.message),
    );
    listNotes(token, 'written', visitId).then((r) => r.ok && setNotes(r.data.items));
  }, [token, visitId]);

  if (!visit)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          Your visit
        </h1>
        {error ? (
          <p role="alert">{error}</p>
        ) : (
          <p role="status" aria-live="polite">
            Loading your visit…
          </p>
        )}
      </section>
    );

  const door = visit.door;
  const title = door.strategy?.title ?? 'A sampling visit';
  const zone = viewerZone();
  const startsIn = Date.parse(door.startsAt) - now;
  const endsIn = Date.parse(door.endsAt) - now;

  if (visit.status === 'cancelled' || startsIn > 0)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          {title}
        </h1>
        {visit.status === 'cancelled' ? (
          <p class="card">This visit was canceled, so there is nothing to write about.</p>
        ) : (
          <p class="card">
            This visit starts at {formatTime(door.startsAt, zone)}, in{' '}
            <span role="timer">{remaining(startsIn)}</span>. Notes open then.
          </p>
        )}
        {door.lookFor && (
          <p>
            <strong>Look for:</strong> {door.lookFor}
          </p>
        )}
      </section>
    );

  return (
    <RoomComposer
      token={token}
      visit={visit}
      title={title}
      countdown={
        endsIn > 0
          ? `${remaining(endsIn)} left · ends ${formatTime(door.endsAt, zone)}`
          : 'The visit is over: you can still add notes.'
      }
      names={[me.person.name, door.host.name]}
      notes={notes}
      onSaved={(note) => setNotes((all) => [note, ...all])}
    />
  );
}

/**
 * The note box first, the linter's feedback right under it, the look-for and prompts one tap away, the notes saved so
 * far, and Save in a bar that stays at the bottom of the screen, above the keyboard.
 */
function RoomComposer({
  token,
  visit,
  title,
  countdown,
  names: nameList,
  notes,
  onSaved,
}: {
  token: string;
  visit: Visit;
  title: string;
  countdown: string;
  names: string[];
  notes: Note[];
  onSaved: (note: Note) => void;
}) {
  useKeyboardInset();
  const [prompt, setPrompt] = useState<NotePrompt>('students');
  const [saved, setSaved] = useState('');
  const names = useMemo(() => nameList, [nameList.join('\n')]);
  const composer = useNoteComposer({
    initialText: '',
    names,
    onSave: (text, confirmFlags) => writeNote(token, { visitId: visit.id, prompt, text, confirmFlags }),
    onSaved: (note) => {
      onSaved(note);
      composer.change('');
      setSaved('Saved. Write the next one.');
      composer.box.current?.focus();
    },
  });
  const id = 'room-note';
  const describedBy = [
    `${id}-count`,
    composer.error ? `${id}-error` : '',
    composer.hasName ? `${id}-blocked` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section class="room-notes" aria-labelledby="view-title">
      <div class="room-head">
        <h1 id="view-title" tabIndex={-1}>
          {title}
        </h1>
        <p class="countdown">
          <span role="timer">{countdown}</span>
        </p>
      </div>
      <div class={`field${composer.error ? ' has-error' : ''}`}>
        <label for={id}>
          Your note: <span class="room-prompt">{PROMPT_TEXT[prompt]}</span>
        </label>
        <textarea
          id={id}
          ref={composer.box}
          rows={4}
          maxLength={MAX_NOTE_LENGTH}
          value={composer.text}
          aria-describedby={describedBy}
          {...(composer.error ? { 'aria-invalid': 'true' as const } : {})}
          onInput={(e) => {
            setSaved('');
            composer.change((e.target as HTMLTextAreaElement).value);
          }}
        />
        <p class="hint" id={`${id}-count`}>
          {composer.text.length} of {MAX_NOTE_LENGTH} characters
        </p>
        {composer.error && (
          <p class="error" id={`${id}-error`}>
            {composer.error}
          </p>
        )}
      </div>
      <LintReport id={id} linted={composer.linted} />
      {composer.hasName && (
        <p id={`${id}-blocked`} class="blocked" tabIndex={-1} ref={composer.blockedRef}>
          <strong>Remove the names first.</strong> Write “the teacher” or “a student” instead.
        </p>
      )}
      {composer.server && (
        <div class="card attention" role="alert" tabIndex={-1} ref={composer.serverBox}>
          <p>{composer.server.message}</p>
          {composer.server.reasons.length > 0 && (
            <ul class="flags">
              {composer.server.reasons.map((reason) => (
                <li key={reason} class="flag">
                  {reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <details class="room-more">
        <summary>Look-for and prompts</summary>
        {visit.door.lookFor && (
          <p>
            <strong>Look for:</strong> {visit.door.lookFor}
          </p>
        )}
        <fieldset class="room-prompts">
          <legend>What is this note about?</legend>
          {NOTE_PROMPTS.map((p) => (
            <label key={p} class="room-choice">
              <input
                type="radio"
                name="room-prompt"
                value={p}
                checked={prompt === p}
                onChange={() => setPrompt(p)}
              />{' '}
              {PROMPT_TEXT[p]}
            </label>
          ))}
        </fieldset>
      </details>
      {notes.length > 0 && (
        <section aria-labelledby="room-saved-h">
          <h2 id="room-saved-h">Saved for this visit ({notes.length})</h2>
          <ul class="room-saved">
            {notes.map((n) => (
              <li key={n.id}>
                <span class="hint">{PROMPT_TEXT[n.prompt]}</span> {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="room-savebar">
        {composer.stage === 'confirming' ? (
          <div class="room-confirm">
            <p id={`${id}-confirm`} tabIndex={-1} ref={composer.confirmRef}>
              This reads as a judgment or a guess. Rephrase it, or save it as it is.
            </p>
            <div class="room-buttons">
              <button type="button" disabled={composer.busy} onClick={() => composer.send(true)}>
                {composer.busy ? 'Saving…' : 'Save anyway'}
              </button>
              <button type="button" class="secondary" onClick={composer.keepEditing}>
                Keep editing
              </button>
            </div>
          </div>
        ) : (
          <div class="room-buttons">
            <button
              type="button"
              class="room-primary"
              disabled={composer.busy}
              onClick={composer.save}
              aria-describedby={composer.hasName ? `${id}-blocked` : undefined}
            >
              {composer.busy ? 'Saving…' : 'Save note'}
            </button>
            <p class="room-saved-status" role="status" aria-live="polite">
              {saved}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
