import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { NOTE_PROMPTS, PROMPT_KEYS } from '../../../../shared/notes';
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
      {t('note.title')}
    </h1>
  );
  const back = (
    <p class="no-print">
      <a href={href({ name: 'visits' })}>{t('note.back')}</a>
    </p>
  );

  if (error || (visits && !visit)) {
    return (
      <section aria-labelledby="view-title">
        {back}
        {title}
        <p class="card" role="alert">
          {error || t('note.not-yours')}
        </p>
      </section>
    );
  }
  if (!visit) {
    return (
      <section aria-labelledby="view-title">
        {back}
        {title}
        <p role="status">{t('common.loading')}</p>
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
        <h2 id="visit-h">{d.strategy?.title ?? t(d.roundId ? 'door.round-visit' : 'door.sampling-visit')}</h2>
        <p class="when">
          {formatInstantDay(d.startsAt, zone)} · {time.yours}
          {time.theirs && <span> · {time.theirs}</span>}
        </p>
        <DoorFacts host={host} location={d.location} />
        {d.lookFor && (
          <p>
            <strong>{t('note.look-for', { host })}</strong> {d.lookFor}
          </p>
        )}
        {visit.thanks && (
          <p class="thanks">
            <strong>{t('note.thanked', { host })}</strong>{' '}
            {t('common.quoted', { text: visit.thanks.message })}
          </p>
        )}
      </section>
      <NoticeLine notice={notice} />
      {cancelled ? (
        <p class="card">{t('note.canceled')}</p>
      ) : !started ? (
        <p class="card">
          {t('note.not-started', { day: formatInstantDay(d.startsAt, zone), time: time.yours })}
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
              text: t('note.saved', { host }),
            });
            loadNotes();
          }}
        />
      )}
      <section aria-labelledby="written-h">
        <h2 id="written-h">{t('note.written')}</h2>
        <p class="hint">{t('note.useful-hint', { host })}</p>
        <LoadState error={notesError} loaded={Boolean(notes)} />
        {notes && notes.length === 0 && <p class="card">{t('note.none')}</p>}
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
                  setNotice({ kind: 'notice', text: t('note.changed') });
                }}
                onDeleted={async () => {
                  const r = await deleteNote(token, n.id);
                  if (!r.ok) return setNotice({ kind: 'error', text: r.message });
                  setNotes((list) => (list ?? []).filter((x) => x.id !== n.id));
                  setNotice({ kind: 'notice', text: t('note.deleted') });
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
      <h2 id="write-h">{t('note.write')}</h2>
      <ul class="explainer">
        <li>{t('note.rule.one')}</li>
        <li>{t('note.rule.names')}</li>
        <li>{t('note.rule.judgments')}</li>
      </ul>
      <p class="hint">{t('note.private', { host })}</p>
      <fieldset class="prompts">
        <legend>{t('note.which-prompt')}</legend>
        {NOTE_PROMPTS.map((p) => (
          <div class="check" key={p}>
            <input
              type="radio"
              id={`prompt-${p}`}
              name="prompt"
              checked={prompt === p}
              onChange={() => setPrompt(p)}
            />
            <label for={`prompt-${p}`}>{t(PROMPT_KEYS[p])}</label>
          </div>
        ))}
      </fieldset>
      <NoteComposer
        key={`${prompt}-${version}`}
        id="note-text"
        label={t('note.label', { prompt: t(PROMPT_KEYS[prompt]) })}
        hint={t('note.hint')}
        initialText={readDraft(visitId, prompt)}
        names={names}
        saveLabel={t('note.save')}
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
      <p class="prompt">{t(PROMPT_KEYS[note.prompt])}</p>
      {editing ? (
        <NoteComposer
          id={`note-${note.id}-edit`}
          label={t('note.change')}
          initialText={note.text}
          names={names}
          saveLabel={t('note.save-changes')}
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
          <span aria-hidden="true">✓ </span>
          {t('note.useful')}
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
            {t('strategy.edit')}
          </button>
          <ConfirmAction
            label={t('note.delete')}
            describedBy={textId}
            question={t('note.delete.question')}
            confirmLabel={t('note.delete.confirm')}
            onConfirm={onDeleted}
          />
        </div>
      )}
    </li>
  );
}
