import { useEffect, useState } from 'preact/hooks';
import { parseWords } from '../../../../shared/errors';
import { t } from '../../../../shared/i18n';
import { PROMPT_KEYS, ThanksInputSchema } from '../../../../shared/notes';
import { deleteNote, listNotes, markNoteUseful, type Note, thankVisitor } from '../api';
import { ConfirmAction } from '../components/confirm';
import { HostNotices } from '../components/host-notices';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import { Trans } from '../components/trans';
import { issueMessage } from '../i18n';
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
      visitor: n.writer?.name ?? t('notes.a-colleague'),
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
        ? n.writer
          ? t('notes.useful.marked', { writer: n.writer.name })
          : t('notes.useful.marked-writer')
        : t('notes.useful.unmarked'),
      focus: false,
    });
  }

  async function remove(n: Note) {
    const r = await deleteNote(token, n.id);
    if (!r.ok) return setNotice({ kind: 'error', text: r.message, focus: true });
    setNotes((list) => (list ?? []).filter((x) => x.id !== n.id));
    setNotice({ kind: 'notice', text: t('notes.deleted'), focus: true });
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('app.nav.notes')}
      </h1>
      <p class="card privacy">
        <Trans
          text={expiresOn ? t('notes.privacy.expires', { date: formatDate(expiresOn) }) : t('notes.privacy')}
          parts={{ strong: (text) => <strong>{text}</strong> }}
        />
      </p>
      <HostNotices token={token} />
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={Boolean(notes)} />
      {notes && notes.length === 0 && (
        <div class="card">
          <p>{t('notes.none')}</p>
          <p>
            <Trans
              text={t('notes.none.how')}
              parts={{ open: (text) => <a href={href({ name: 'door-new' })}>{text}</a> }}
            />
          </p>
        </div>
      )}
      {notes && notes.length > 0 && (
        <>
          <p class="hint">{t('notes.useful.hint')}</p>
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
        {t('notes.visit', {
          day: formatInstantDay(visit.startsAt, zone),
          what: visit.strategyTitle ?? visit.roundTitle ?? t('door.sampling-visit'),
        })}
      </h2>
      <p class="meta">
        <span>{formatTime(visit.startsAt, zone)}</span>
        <span>{t('notes.visitor', { name: visitor })}</span>
      </p>
      <ul class="notes">
        {group.notes.map((n) => (
          <li class="note" key={n.id}>
            <p class="prompt">{t(PROMPT_KEYS[n.prompt])}</p>
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
                {t(n.useful ? 'notes.useful.on' : 'notes.useful.mark')}
              </button>
              <ConfirmAction
                label={t('note.delete')}
                describedBy={`note-${n.id}-text`}
                question={t('notes.delete.question')}
                confirmLabel={t('notes.delete.confirm')}
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
    const parsed = parseWords(ThanksInputSchema, { message });
    if (!parsed.success) {
      const problem = parsed.fields[0];
      return setError(problem ? issueMessage(problem) : t('notes.thanks.empty'));
    }
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
        {t('notes.thanks.sent', { name: visitor })}
      </p>
    );
  }
  return (
    <form class="thanks-form" onSubmit={send} aria-label={t('notes.thanks.form', { name: visitor })}>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={id}>{t('notes.thanks.label', { name: visitor })}</label>
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
        {t('notes.thanks.send')}
      </button>
    </form>
  );
}
