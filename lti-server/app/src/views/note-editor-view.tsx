import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NOTE_PROMPTS, PROMPT_TEXT } from '../../../../shared/notes';
import {
  deleteNote,
  editNote,
  getVisit,
  listNotes,
  listVisits,
  type Note,
  type NotePrompt,
  type Visit,
  writeNote,
} from '../api';
import { ConfirmAction } from '../components/confirm';
import { DoorFacts } from '../components/door-item';
import { NoteComposer } from '../components/note-composer';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import { clearDraft, readDraft, writeDraft } from '../drafts';
import { href } from '../router';
import { formatInstantDay, viewerZone, visitTime } from '../time';

/**
 * The note editor for one of my visits: the visit and its look-for prompt, the three guiding prompts, a text box
 * linted while typing (drafts kept on this device), and the notes I already wrote here, with the host's "useful".
 */
export function NoteEditorView({
  token,
  visitId,
  myName,
  zone = viewerZone(),
  now = () => new Date(),
}: {
  token: string;
  visitId: string;
  /** The writer's own name: the linter flags it too. */
  myName: string;
  zone?: string;
  now?: () => Date;
}) {
  const [visits, setVisits] = useState<Visit[] | null>(null);
  const [error, setError] = useState('');
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [notesError, setNotesError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    // The first page of my visits (their hosts' names), and this visit by itself when it is on a later page.
    Promise.all([listVisits(token), getVisit(token, visitId)]).then(([list, one]) => {
      if (!list.ok) return setError(list.message);
      const items = list.data.items;
      setVisits(one.ok && !items.some((v) => v.id === one.data.id) ? [...items, one.data] : items);
    });
  }, [token, visitId]);
  const loadNotes = () =>
    listNotes(token, 'written', visitId).then((r) => {
      if (r.ok) {
        setNotes(r.data.items);
        setNotesError('');
      } else setNotesError(r.message);
    });
  useEffect(() => {
    loadNotes();
  }, [token, visitId]);

  // Everyone the writer can see here: the hosts of their visits, and themselves. The server adds the whole staff.
  const names = useMemo(
    () => [...new Set([myName, ...(visits ?? []).map((v) => v.door.host.name)])].filter(Boolean),
    [visits, myName],
  );
  const visit = visits?.find((v) => v.id === visitId);

  const title = (
    <h1 id="view-title" tabIndex={-1}>
      Notes on your visit
    </h1>
  );
  const back = (
    <p class="no-print">
      <a href={href({ name: 'visits' })}>← My visits</a>
    </p>
  );

  if (error || (visits && !visit)) {
    return (
      <section aria-labelledby="view-title">
        {back}
        {title}
        <p class="card" role="alert">
          {error || 'This visit is not among your visits. Notes are written from your own bookings.'}
        </p>
      </section>
    );
  }
  if (!visit) {
    return (
      <section aria-labelledby="view-title">
        {back}
        {title}
        <p role="status">Loading…</p>
      </section>
    );
  }

  const d = visit.door;
  const time = visitTime(d, zone);
  const started = Date.parse(d.startsAt) <= now().getTime();
  const cancelled = visit.status === 'cancelled';
  const host = d.host.name;

  return (
    <section aria-labelledby="view-title">
      {back}
      {title}
      <section class="card" aria-labelledby="visit-h">
        <h2 id="visit-h">{d.strategy?.title ?? (d.roundId ? 'A round visit' : 'A sampling visit')}</h2>
        <p class="when">
          {formatInstantDay(d.startsAt, zone)} · {time.yours}
          {time.theirs && <span> · {time.theirs}</span>}
        </p>
        <DoorFacts host={host} location={d.location} />
        {d.lookFor && (
          <p>
            <strong>{host}’s look-for:</strong> {d.lookFor}
          </p>
        )}
        {visit.thanks && (
          <p class="thanks">
            <strong>{host} thanked you:</strong> “{visit.thanks.message}”
          </p>
        )}
      </section>
      <NoticeLine notice={notice} />
      {cancelled ? (
        <p class="card">This visit was canceled, so there is nothing to write about.</p>
      ) : !started ? (
        <p class="card">
          Notes open when the visit starts ({formatInstantDay(d.startsAt, zone)}, {time.yours}). Until then,
          read the look-for prompt: it says what to notice.
        </p>
      ) : (
        <WriteNote
          token={token}
          visitId={visit.id}
          host={host}
          names={names}
          onSaved={() => {
            setNotice({
              kind: 'notice',
              text: `Saved. ${host} can read it in “Notes about my room”; you can change it below.`,
            });
            loadNotes();
          }}
        />
      )}
      <section aria-labelledby="written-h">
        <h2 id="written-h">Your notes for this visit</h2>
        <p class="hint">
          When {host} marks a note useful, it says so here: a nudge toward the kind of evidence that helps,
          not a score.
        </p>
        <LoadState error={notesError} loaded={Boolean(notes)} />
        {notes && notes.length === 0 && <p class="card">You have not written a note for this visit yet.</p>}
        {notes && notes.length > 0 && (
          <ul class="notes">
            {notes.map((n) => (
              <WrittenNote
                key={n.id}
                token={token}
                note={n}
                names={names}
                onChanged={(changed) => {
                  setNotes(notes.map((x) => (x.id === changed.id ? changed : x)));
                  setNotice({ kind: 'notice', text: 'Your note is changed.' });
                }}
                onDeleted={async () => {
                  const r = await deleteNote(token, n.id);
                  if (!r.ok) return setNotice({ kind: 'error', text: r.message });
                  setNotes((list) => (list ?? []).filter((x) => x.id !== n.id));
                  setNotice({ kind: 'notice', text: 'Your note is deleted.' });
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** The three guiding prompts and the text box for the chosen one; a draft per prompt stays on this device. */
function WriteNote({
  token,
  visitId,
  host,
  names,
  onSaved,
}: {
  token: string;
  visitId: string;
  host: string;
  names: string[];
  onSaved: () => void;
}) {
  const [prompt, setPrompt] = useState<NotePrompt>('students');
  // Remounts the text box after a save, so it starts empty.
  const [version, setVersion] = useState(0);

  return (
    <section class="card" aria-labelledby="write-h">
      <h2 id="write-h">Write a note</h2>
      <ul class="explainer">
        <li>One piece of evidence per note: what you saw or heard, in a sentence or two.</li>
        <li>No names: write “the teacher” or “a student”.</li>
        <li>No judgments: describe what happened, not whether it was good.</li>
      </ul>
      <p class="hint">Only {host} and you can read your notes: not coaches, not colleagues.</p>
      <fieldset class="prompts">
        <legend>Which prompt does this note answer?</legend>
        {NOTE_PROMPTS.map((p) => (
          <div class="check" key={p}>
            <input
              type="radio"
              id={`prompt-${p}`}
              name="prompt"
              checked={prompt === p}
              onChange={() => setPrompt(p)}
            />
            <label for={`prompt-${p}`}>{PROMPT_TEXT[p]}</label>
          </div>
        ))}
      </fieldset>
      <NoteComposer
        key={`${prompt}-${version}`}
        id="note-text"
        label={`Your note: ${PROMPT_TEXT[prompt]}`}
        hint="The words are checked as you type: names, judgments and guesses are pointed out with a way to rephrase."
        initialText={readDraft(visitId, prompt)}
        names={names}
        saveLabel="Save note"
        onTextChange={(text) => writeDraft(visitId, prompt, text)}
        onSave={(text, confirmFlags) => writeNote(token, { visitId, prompt, text, confirmFlags })}
        onSaved={() => {
          clearDraft(visitId, prompt);
          setVersion((v) => v + 1);
          onSaved();
        }}
      />
    </section>
  );
}

function WrittenNote({
  token,
  note,
  names,
  onChanged,
  onDeleted,
}: {
  token: string;
  note: Note;
  names: string[];
  onChanged: (note: Note) => void;
  onDeleted: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const textId = `note-${note.id}-text`;
  const stopEditing = () => {
    setEditing(false);
    setTimeout(() => editButton.current?.focus(), 0);
  };

  return (
    <li class="note">
      <p class="prompt">{PROMPT_TEXT[note.prompt]}</p>
      {editing ? (
        <NoteComposer
          id={`note-${note.id}-edit`}
          label="Change your note"
          initialText={note.text}
          names={names}
          saveLabel="Save changes"
          onSave={(text, confirmFlags) => editNote(token, note.id, { text, confirmFlags })}
          onSaved={(changed) => {
            onChanged(changed);
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <p class="note-text" id={textId}>
          {note.text}
        </p>
      )}
      {note.useful && (
        <p class="useful-mark">
          <span aria-hidden="true">✓ </span>The host found this note useful.
        </p>
      )}
      {!editing && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            ref={editButton}
            aria-describedby={textId}
            onClick={() => {
              setEditing(true);
              setTimeout(() => document.getElementById(`note-${note.id}-edit`)?.focus(), 0);
            }}
          >
            Edit
          </button>
          <ConfirmAction
            label="Delete"
            describedBy={textId}
            question="Delete this note? Deletion is permanent: the host will no longer see it."
            confirmLabel="Yes, delete it"
            onConfirm={onDeleted}
          />
        </div>
      )}
    </li>
  );
}
