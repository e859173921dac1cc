import { useEffect, useState } from 'preact/hooks';
import { PROMPT_TEXT, ThanksInputSchema } from '../../../../shared/notes';
import { deleteNote, listNotes, markNoteUseful, type Note, thankVisitor } from '../api';
import { ConfirmAction } from '../components/confirm';
import { HostNotices } from '../components/host-notices';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import { href } from '../router';
import { formatDate, formatInstantDay, formatTime, viewerZone } from '../time';

/** `focus`: move focus to the message (when the control that was used is gone, or something failed). */

interface VisitGroup {
  visitId: string;
  visit: Note['visit'];
  visitor: string;
  notes: Note[];
}

/** Notes in the server's order (newest visit first), one group per visit: one visitor's notes from one visit. */
function byVisit(notes: Note[]): VisitGroup[] {
  const groups = new Map<string, VisitGroup>();
  for (const n of notes) {
    const g = groups.get(n.visitId) ?? {
      visitId: n.visitId,
      visit: n.visit,
      visitor: n.writer?.name ?? 'A colleague',
      notes: [],
    };
    g.notes.push(n);
    groups.set(n.visitId, g);
  }
  return [...groups.values()];
}

/**
 * Notes about my room: they belong to me (the host). I can mark a note useful, delete it for good, and thank the
 * visitor who wrote it. Nobody else reads them, coaches included.
 */
export function NotesView({ token, zone = viewerZone() }: { token: string; zone?: string }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    listNotes(token, 'about').then((r) => {
      if (r.ok) {
        setNotes(r.data.items);
        setExpiresOn(r.data.expiresOn);
      } else setError(r.message);
    });
  }, [token]);

  async function toggleUseful(n: Note) {
    const r = await markNoteUseful(token, n.id, !n.useful);
    if (!r.ok) return setNotice({ kind: 'error', text: r.message, focus: true });
    setNotes((list) => (list ?? []).map((x) => (x.id === n.id ? r.data : x)));
    setNotice({
      kind: 'notice',
      text: r.data.useful
        ? `Marked useful. ${n.writer?.name ?? 'The writer'} sees that this note helped.`
        : 'No longer marked useful.',
      focus: false,
    });
  }

  async function remove(n: Note) {
    const r = await deleteNote(token, n.id);
    if (!r.ok) return setNotice({ kind: 'error', text: r.message, focus: true });
    setNotes((list) => (list ?? []).filter((x) => x.id !== n.id));
    setNotice({ kind: 'notice', text: 'The note is deleted for good.', focus: true });
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        Notes about my room
      </h1>
      <p class="card privacy">
        <strong>Notes about your room are yours.</strong> Only you and the person who wrote a note can read it
        — not coaches.
        {expiresOn && <> They are deleted on {formatDate(expiresOn)}.</>}
      </p>
      <HostNotices token={token} />
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={Boolean(notes)} />
      {notes && notes.length === 0 && (
        <div class="card">
          <p>No notes about your room yet.</p>
          <p>
            When colleagues visit one of your open doors, each writes a few short notes about what students
            and you said and did. They arrive here after the visit, and only you see them.{' '}
            <a href={href({ name: 'door-new' })}>Open your door</a> to invite visitors.
          </p>
        </div>
      )}
      {notes && notes.length > 0 && (
        <>
          <p class="hint">
            “Mark useful” tells the writer which evidence helped you: a nudge toward better notes, never a
            score.
          </p>
          {byVisit(notes).map((g) => (
            <VisitNotes
              key={g.visitId}
              token={token}
              group={g}
              zone={zone}
              onToggleUseful={toggleUseful}
              onDelete={remove}
            />
          ))}
        </>
      )}
    </section>
  );
}

function VisitNotes({
  token,
  group,
  zone,
  onToggleUseful,
  onDelete,
}: {
  token: string;
  group: VisitGroup;
  zone: string;
  onToggleUseful: (n: Note) => Promise<unknown>;
  onDelete: (n: Note) => Promise<unknown>;
}) {
  const headingId = `visit-${group.visitId}-h`;
  const { visit, visitor } = group;
  return (
    <section class="card visit-notes" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {formatInstantDay(visit.startsAt, zone)}:{' '}
        {visit.strategyTitle ?? visit.roundTitle ?? 'A sampling visit'}
      </h2>
      <p class="meta">
        <span>{formatTime(visit.startsAt, zone)}</span>
        <span>Visitor: {visitor}</span>
      </p>
      <ul class="notes">
        {group.notes.map((n) => (
          <li class="note" key={n.id}>
            <p class="prompt">{PROMPT_TEXT[n.prompt]}</p>
            <p class="note-text" id={`note-${n.id}-text`}>
              {n.text}
            </p>
            <div class="actions">
              <button
                type="button"
                class={n.useful ? 'useful-on' : 'secondary'}
                aria-describedby={`note-${n.id}-text`}
                onClick={() => onToggleUseful(n)}
              >
                {n.useful ? 'Useful ✓' : 'Mark useful'}
              </button>
              <ConfirmAction
                label="Delete"
                describedBy={`note-${n.id}-text`}
                question="Delete this note? Deletion is permanent: neither you nor the writer can get it back."
                confirmLabel="Yes, delete it for good"
                onConfirm={() => onDelete(n)}
              />
            </div>
          </li>
        ))}
      </ul>
      <ThankForm token={token} visitId={group.visitId} visitor={visitor} />
    </section>
  );
}

/** A short thank-you to the visitor; they see it with the visit in My visits. */
function ThankForm({ token, visitId, visitor }: { token: string; visitId: string; visitor: string }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `thanks-${visitId}`;

  async function send(e: Event) {
    e.preventDefault();
    const parsed = ThanksInputSchema.safeParse({ message });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Write a short thank-you');
    setBusy(true);
    const r = await thankVisitor(token, visitId, parsed.data.message);
    setBusy(false);
    if (!r.ok) return setError(r.fields?.map((f) => f.message).join(' ') || r.message);
    setError('');
    setSent(true);
  }

  if (sent) {
    return (
      <p class="notice" role="status">
        Thanks sent. {visitor} sees it with this visit in My visits.
      </p>
    );
  }
  return (
    <form class="thanks-form" onSubmit={send} aria-label={`Thank ${visitor}`}>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={id}>A short thank-you to {visitor}</label>
        <input
          id={id}
          type="text"
          maxLength={300}
          value={message}
          aria-describedby={error ? `${id}-error` : undefined}
          {...(error ? { 'aria-invalid': 'true' as const } : {})}
          onInput={(e) => setMessage((e.target as HTMLInputElement).value)}
        />
        {error && (
          <p class="error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={busy}>
        Thank this visitor
      </button>
    </form>
  );
}
