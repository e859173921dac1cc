import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { MAX_NOTE_LENGTH, NOTE_PROMPTS, type NotePrompt, PROMPT_KEYS } from '../../../../shared/notes';
import type { RoomVisitSnapshot } from '../../../../shared/room';
import type { PendingRoomNote } from '../../../../shared/sealed-note';
import { getVisit, listNotes, type Note, type Visit } from '../api';
import { LintReport } from '../components/note-lint';
import { Trans } from '../components/trans';
import { useNoteComposer } from '../hooks/use-note-composer';
import { formatTime, viewerZone } from '../time';
import type { RoomOutbox } from './room-outbox';
import { useRoomOutbox } from './use-room-outbox';

/** The clock, ticking every second while the page is open (the countdown). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
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

/** What the page keeps of a visit on the phone (no one's name), so it opens offline. */
function snapshotOf(visit: Visit): RoomVisitSnapshot {
  return {
    id: visit.id,
    title: visit.door.strategy?.title ?? t('door.sampling-visit'),
    status: visit.status,
    startsAt: visit.door.startsAt,
    endsAt: visit.door.endsAt,
    location: visit.door.location,
    lookFor: visit.door.lookFor,
  };
}

/**
 * One of my visits, for writing notes on a phone while in the room. Online it reads the visit from the server and keeps
 * a copy on the phone; offline (no connection, or the page reopened from the service worker) it works from that copy.
 */
export function RoomNotes({
  token,
  visitId,
  me,
  outbox,
  onSessionEnded,
}: {
  token: string;
  visitId: string;
  /** Null while offline: the page opened without reaching the server. */
  me: Me | null;
  outbox: RoomOutbox;
  onSessionEnded: () => void;
}) {
  const [visit, setVisit] = useState<RoomVisitSnapshot | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState('');
  const now = useNow();

  useEffect(() => {
    let live = true;
    getVisit(token, visitId).then(async (r) => {
      if (!live) return;
      if (r.ok) {
        const snapshot = snapshotOf(r.data);
        setVisit(snapshot);
        setNames([...(me ? [me.person.name] : []), r.data.door.host.name]);
        await outbox.keepVisit(snapshot);
      } else if (r.code === 'NETWORK') {
        const kept = await outbox.visit(visitId);
        if (!live) return;
        if (kept) setVisit(kept);
        else setError(t('room.visit.offline-unknown'));
      } else setError(r.code === 'NOT_FOUND' ? t('room.visit.not-yours') : r.message);
    });
    listNotes(token, 'written', visitId).then((r) => live && r.ok && setNotes(r.data.items));
    return () => {
      live = false;
    };
  }, [token, visitId]);

  if (!visit)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          {t('room.visit.title')}
        </h1>
        {error ? (
          <p role="alert">{error}</p>
        ) : (
          <p role="status" aria-live="polite">
            {t('room.visit.loading')}
          </p>
        )}
      </section>
    );

  const zone = viewerZone();
  const startsIn = Date.parse(visit.startsAt) - now;
  const endsIn = Date.parse(visit.endsAt) - now;

  if (visit.status === 'cancelled' || startsIn > 0)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          {visit.title}
        </h1>
        {visit.status === 'cancelled' ? (
          <p class="card">{t('note.canceled')}</p>
        ) : (
          <p class="card">
            <Trans
              text={t('room.visit.starts', {
                time: formatTime(visit.startsAt, zone),
                left: remaining(startsIn),
              })}
              parts={{ timer: (left) => <span role="timer">{left}</span> }}
            />
          </p>
        )}
        {visit.lookFor && (
          <p>
            <strong>{t('door.look-for')}</strong> {visit.lookFor}
          </p>
        )}
      </section>
    );

  return (
    <RoomComposer
      token={token}
      visit={visit}
      countdown={
        endsIn > 0
          ? t('room.visit.left', { left: remaining(endsIn), time: formatTime(visit.endsAt, zone) })
          : t('room.visit.over')
      }
      names={names}
      notes={notes}
      outbox={outbox}
      onSent={(sent) =>
        setNotes((all) => [...sent.filter((n) => !all.some((a) => a.id === n.id)).reverse(), ...all])
      }
      onSessionEnded={onSessionEnded}
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
  countdown,
  names: nameList,
  notes,
  outbox,
  onSent,
  onSessionEnded,
}: {
  token: string;
  visit: RoomVisitSnapshot;
  countdown: string;
  names: string[];
  notes: Note[];
  outbox: RoomOutbox;
  onSent: (notes: Note[]) => void;
  onSessionEnded: () => void;
}) {
  useKeyboardInset();
  const [prompt, setPrompt] = useState<NotePrompt>('students');
  const [saved, setSaved] = useState('');
  const names = useMemo(() => nameList, [nameList.join('\n')]);
  const sender = useRoomOutbox({ token, visitId: visit.id, outbox, onSent, onSessionEnded });
  const composer = useNoteComposer<{ clientId: string }>({
    initialText: '',
    names,
    onSave: (text, confirmFlags) => sender.keep({ visitId: visit.id, prompt, text, confirmFlags }),
    onSaved: ({ clientId }) => {
      composer.change('');
      setSaved('');
      composer.box.current?.focus();
      sender.sendNow(clientId).then((sent) => setSaved(t(sent ? 'room.note.sent' : 'room.note.waiting')));
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
          {visit.title}
        </h1>
        <p class="countdown">
          <span role="timer">{countdown}</span>
        </p>
      </div>
      {!sender.online && (
        <p class="room-offline" role="status">
          {t('room.offline')}
        </p>
      )}
      <div class={`field${composer.error ? ' has-error' : ''}`}>
        <label for={id}>
          <Trans
            text={t('room.note.label', { prompt: t(PROMPT_KEYS[prompt]) })}
            parts={{ prompt: (text) => <span class="room-prompt">{text}</span> }}
          />
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
          {t('note.count', { count: composer.text.length, max: MAX_NOTE_LENGTH })}
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
          <Trans text={t('room.note.blocked')} parts={{ strong: (text) => <strong>{text}</strong> }} />
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
        <summary>{t('room.note.more')}</summary>
        {visit.lookFor && (
          <p>
            <strong>{t('door.look-for')}</strong> {visit.lookFor}
          </p>
        )}
        <fieldset class="room-prompts">
          <legend>{t('room.note.about')}</legend>
          {NOTE_PROMPTS.map((p) => (
            <label key={p} class="room-choice">
              <input
                type="radio"
                name="room-prompt"
                value={p}
                checked={prompt === p}
                onChange={() => setPrompt(p)}
              />{' '}
              {t(PROMPT_KEYS[p])}
            </label>
          ))}
        </fieldset>
      </details>
      {notes.length + sender.pending.length > 0 && (
        <section aria-labelledby="room-saved-h">
          <h2 id="room-saved-h">{t('room.note.saved', { saved: notes.length + sender.pending.length })}</h2>
          <ul class="room-saved">
            {sender.pending.map((n) => (
              <PendingItem key={n.clientId} note={n} content={sender.textOf(n.clientId)} />
            ))}
            {notes.map((n) => (
              <li key={n.id}>
                <span class="hint">{t(PROMPT_KEYS[n.prompt])}</span> {n.text}{' '}
                <span class="room-state sent">{t('room.note.state.sent')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="room-savebar">
        {composer.stage === 'confirming' ? (
          <div class="room-confirm">
            <p id={`${id}-confirm`} tabIndex={-1} ref={composer.confirmRef}>
              {t('room.note.confirm')}
            </p>
            <div class="room-buttons">
              <button type="button" disabled={composer.busy} onClick={() => composer.send(true)}>
                {t(composer.busy ? 'common.saving' : 'note.save-anyway')}
              </button>
              <button type="button" class="secondary" onClick={composer.keepEditing}>
                {t('note.keep-editing')}
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
              {t(composer.busy ? 'common.saving' : 'note.save')}
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

/** A note still on the phone: its text while this page has it in memory, and where it stands. */
function PendingItem({
  note,
  content,
}: {
  note: PendingRoomNote;
  content: { prompt: NotePrompt; text: string } | undefined;
}) {
  return (
    <li>
      {content ? (
        <>
          <span class="hint">{t(PROMPT_KEYS[content.prompt])}</span> {content.text}{' '}
        </>
      ) : (
        <span class="hint">{t('room.note.sealed')} </span>
      )}
      {note.status === 'failed' ? (
        <span class="room-state failed">{t('room.note.state.failed', { reason: note.error ?? '' })}</span>
      ) : (
        <span class="room-state waiting">{t('room.note.state.waiting')}</span>
      )}
    </li>
  );
}
