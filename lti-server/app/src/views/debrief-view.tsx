import { useEffect, useRef, useState } from 'preact/hooks';
import { DEBRIEF_PHASES, DebriefPatternInputSchema } from '../../../../shared/rounds';
import {
  type ApiResult,
  addDebriefCard,
  addDebriefPattern,
  type Debrief,
  type DebriefPhase,
  getDebrief,
  listNotes,
  listVisits,
  moveDebriefCard,
  type Note,
  updateDebrief,
  withdrawDebriefCard,
} from '../api';
import { ConfirmAction } from '../components/confirm';
import { Field } from '../components/fields';
import { href } from '../router';

type Card = Debrief['cards'][number];
type Pattern = Debrief['patterns'][number];

/** The phases in the group's words: each one sentence, shown in the stepper. */
const PHASES: Record<DebriefPhase, { name: string; about: string }> = {
  description: {
    name: 'Description',
    about: 'Read the evidence cards together: what did we see and hear? Describe only, no judging.',
  },
  analysis: { name: 'Analysis', about: 'Group the cards into patterns and give each pattern a name.' },
  prediction: {
    name: 'Prediction',
    about: 'If you were a student here, what would you know and be able to do?',
  },
  next: {
    name: 'Next level of work',
    about: 'Agree on what the school does next to move that learning forward.',
  },
  done: { name: 'Done', about: 'The summary joins the school picture, with no names and no classrooms.' },
};

const FOCUS_NAMES: Record<Debrief['focus']['kind'], string> = {
  strategy: 'Strategy',
  tag: 'Tag',
  problem: 'Problem of practice',
};

const FINISHED = 'Finished: the summary is in the school picture.';

const phaseIndex = (p: DebriefPhase) => DEBRIEF_PHASES.indexOf(p);
const sameText = (a: string, b: string) => a.trim() === b.trim();

/** The group's words, edited by the facilitator; `null` means untouched (show what the server has). */
interface Drafts {
  prediction: string | null;
  nextLevel: string | null;
}
type WordsField = keyof Drafts;
const FIELD_PHASE: Record<WordsField, DebriefPhase> = { prediction: 'prediction', nextLevel: 'next' };

/**
 * A published round's debrief room: writers add their own notes as text-only cards; the facilitating coach moves
 * the group through description → analysis (cards into named patterns, by drag and drop or by keyboard) →
 * prediction → next level of work, and finishes it into the school picture. No websockets: everyone refreshes.
 */
export function DebriefView({
  token,
  roundId,
  isCoach = false,
}: {
  token: string;
  roundId: string;
  isCoach?: boolean;
}) {
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  /** My notes from this round's visits (null until loaded). */
  const [myNotes, setMyNotes] = useState<Note[] | null>(null);
  const [notesError, setNotesError] = useState('');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({ prediction: null, nextLevel: null });
  const statusRef = useRef<HTMLParagraphElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);

  const loadDebrief = async () => {
    const r = await getDebrief(token, roundId);
    if (r.ok) {
      setDebrief(r.data);
      setFailure(null);
    } else setFailure({ code: r.code, message: r.message });
    return r;
  };
  // The notes I can add: those I wrote about visits whose door belongs to this round.
  const loadNotes = async () => {
    const [notes, visits] = await Promise.all([listNotes(token, 'written'), listVisits(token)]);
    if (!notes.ok) return setNotesError(notes.message);
    if (!visits.ok) return setNotesError(visits.message);
    const ofRound = new Set(visits.data.items.filter((v) => v.door.roundId === roundId).map((v) => v.id));
    setNotesError('');
    setMyNotes(notes.data.items.filter((n) => ofRound.has(n.visitId)));
  };

  useEffect(() => {
    setDebrief(null);
    setFailure(null);
    setMyNotes(null);
    loadDebrief().then((r) => {
      if (r.ok) loadNotes();
    });
  }, [token, roundId]);

  const announce = (text: string, focus = false) => {
    setProblem('');
    setStatus(text);
    if (focus) setTimeout(() => statusRef.current?.focus(), 0);
  };
  const fail = (message: string) => {
    setProblem(message);
    setTimeout(() => problemRef.current?.focus(), 0);
  };
  /** Shows the server's fresh debrief, or says what went wrong; true when it worked. */
  const apply = (r: ApiResult<Debrief>, done: string, focus = false): boolean => {
    if (!r.ok) {
      fail(r.message);
      return false;
    }
    setDebrief(r.data);
    announce(done, focus);
    return true;
  };

  const back = (
    <p class="no-print">
      {isCoach ? (
        <a href={href({ name: 'round', id: roundId })}>← The round</a>
      ) : (
        <a href={href({ name: 'visits' })}>← My visits</a>
      )}
    </p>
  );

  if (!debrief) {
    const closed = failure?.code === 'CONFLICT';
    return (
      <section aria-labelledby="view-title">
        {back}
        <h1 id="view-title" tabIndex={-1}>
          {!failure ? 'Round debrief' : closed ? 'The debrief is not open yet' : 'Debrief not available'}
        </h1>
        {!failure && <p role="status">Loading…</p>}
        {closed && (
          <div class="card attention" role="alert">
            <p>
              This round is not published yet, so its debrief is not open. The debrief opens once the coach
              publishes the round and the visits have happened.
            </p>
            {isCoach && (
              <p>
                Publish it from <a href={href({ name: 'round', id: roundId })}>the round’s page</a>.
              </p>
            )}
          </div>
        )}
        {failure && !closed && (
          <p class="card" role="alert">
            {failure.message}
          </p>
        )}
      </section>
    );
  }

  const d = debrief;
  const done = d.phase === 'done';
  const facilitating = d.facilitator && !done;
  const at = phaseIndex(d.phase);

  async function refresh() {
    setBusy(true);
    const r = await getDebrief(token, roundId);
    setBusy(false);
    if (!r.ok) return fail(r.message);
    setDebrief(r.data);
    const n = r.data.cards.length;
    announce(`Up to date. Phase: ${PHASES[r.data.phase].name}; ${n} ${n === 1 ? 'card' : 'cards'}.`);
    loadNotes();
  }

  /** Moves the phase; the words typed for the phase being left go along, so nothing typed is lost. */
  async function go(phase: DebriefPhase) {
    const body: Parameters<typeof updateDebrief>[2] = { phase };
    for (const field of ['prediction', 'nextLevel'] as const) {
      const typed = drafts[field];
      if (FIELD_PHASE[field] === d.phase && typed !== null && !sameText(typed, d[field] ?? ''))
        body[field] = typed;
    }
    setBusy(true);
    const r = await updateDebrief(token, roundId, body);
    setBusy(false);
    const said =
      phase === 'done'
        ? 'The debrief is finished and read-only.'
        : `The group is now at: ${PHASES[phase].name}.`;
    if (apply(r, said, true)) setDrafts({ prediction: null, nextLevel: null });
  }

  async function saveWords(field: WordsField, text: string): Promise<ApiResult<Debrief>> {
    const words = text.trim() ? text : null;
    const r = await updateDebrief(
      token,
      roundId,
      field === 'prediction' ? { prediction: words } : { nextLevel: words },
    );
    if (r.ok) {
      setDebrief(r.data);
      setDrafts((x) => ({ ...x, [field]: null }));
    }
    return r;
  }

  async function add(note: Note) {
    setAdding(note.id);
    const r = await addDebriefCard(token, roundId, note.id);
    setAdding(null);
    if (apply(r, 'Your note is on the table as a card. Only its words show: not your name, not the room.'))
      setTimeout(() => document.getElementById(`my-note-${note.id}-added`)?.focus(), 0);
  }

  async function withdraw(card: Card) {
    const r = await withdrawDebriefCard(token, roundId, card.id);
    apply(r, card.mine ? 'Your card is out of the debrief.' : 'The card is out of the debrief.', true);
  }

  async function move(cardId: string, patternId: string | null, byKeyboard: boolean) {
    const card = d.cards.find((c) => c.id === cardId);
    if (!card || card.patternId === patternId) return;
    const r = await moveDebriefCard(token, roundId, cardId, patternId);
    const name = d.patterns.find((p) => p.id === patternId)?.name;
    if (apply(r, name ? `Moved the card to “${name}”.` : 'Moved the card to Not grouped.') && byKeyboard)
      setTimeout(() => document.getElementById(`move-${cardId}`)?.focus(), 0);
  }

  async function addPattern(name: string): Promise<ApiResult<Debrief>> {
    const r = await addDebriefPattern(token, roundId, name);
    if (r.ok) {
      setDebrief(r.data);
      announce(`Added the pattern “${name.trim()}”.`);
    }
    return r;
  }

  const next = DEBRIEF_PHASES[at + 1];
  const previous = DEBRIEF_PHASES[at - 1];

  return (
    <article class="debrief" aria-labelledby="view-title">
      {back}
      <h1 id="view-title" tabIndex={-1}>
        Debrief: {d.title}
      </h1>
      <p class="meta">
        <span>
          {FOCUS_NAMES[d.focus.kind]}: {d.focus.value}
        </span>
      </p>
      <p class="lede">
        Peer learning, not evaluation: the cards carry what was seen and heard, never who wrote them or whose
        classroom it was.
      </p>

      <section class="card" aria-labelledby="phase-h">
        <h2 id="phase-h">Where the group is</h2>
        <ol class="stepper" aria-label="Debrief phases">
          {DEBRIEF_PHASES.map((p, i) => (
            <li
              key={p}
              class={i < at ? 'past' : i === at ? 'now' : 'later'}
              aria-current={i === at ? 'step' : undefined}
            >
              <span class="step-name">
                {i < at && <span aria-hidden="true">✓ </span>}
                {PHASES[p].name}
              </span>{' '}
              {i === at && <span class="badge step-now">Now</span>}{' '}
              <span class="step-about">{PHASES[p].about}</span>
            </li>
          ))}
        </ol>
        {done && <p class="notice">{FINISHED}</p>}
        {facilitating ? (
          <>
            <p class="hint">
              You facilitate this debrief: move the group along when it is ready.
              {next && next !== 'done' ? ` Next: ${PHASES[next].name}.` : ''}
            </p>
            <div class="actions">
              {previous && (
                <button type="button" class="secondary" disabled={busy} onClick={() => go(previous)}>
                  Previous phase
                </button>
              )}
              {next && next !== 'done' && (
                <button type="button" disabled={busy} onClick={() => go(next)}>
                  Next phase
                </button>
              )}
              {next === 'done' && (
                <ConfirmAction
                  label="Finish the debrief"
                  question="Finish the debrief? The patterns, the prediction and the next level of work join the school picture, and the debrief becomes read-only."
                  confirmLabel="Yes, finish the debrief"
                  cancelLabel="Not yet"
                  onConfirm={() => go('done')}
                />
              )}
              <button type="button" class="secondary" disabled={busy} onClick={refresh}>
                Refresh
              </button>
            </div>
          </>
        ) : (
          <>
            {!done && (
              <p class="hint">
                The coach moves the debrief from phase to phase. Press Refresh to see where the group is and
                the newest cards.
              </p>
            )}
            <div class="actions">
              <button type="button" class="secondary" disabled={busy} onClick={refresh}>
                Refresh
              </button>
            </div>
          </>
        )}
        {done && isCoach && (
          <p>
            <a href={href({ name: 'picture' })}>Open the school picture</a>
          </p>
        )}
      </section>

      <p role="status" aria-live="polite" class={status ? 'notice' : 'sr-only'} tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      {problem && (
        <p class="card attention" role="alert" tabIndex={-1} ref={problemRef}>
          {problem}
        </p>
      )}

      {notesError && (
        <p class="card" role="alert">
          Your notes from this round could not be loaded: {notesError}
        </p>
      )}
      {myNotes && myNotes.length > 0 && (
        <section class="card" aria-labelledby="my-notes-h">
          <h2 id="my-notes-h">Your notes from this round</h2>
          <p class="hint">
            {done
              ? 'The debrief is finished: no more cards can be added.'
              : 'Add the notes you want the group to read. Only the words travel: not your name, not the classroom.'}
          </p>
          <ul class="notes">
            {myNotes.map((n) => {
              const added = d.cards.some((c) => c.mine && sameText(c.text, n.text));
              const textId = `my-note-${n.id}-text`;
              return (
                <li class="note" key={n.id}>
                  <p class="note-text" id={textId}>
                    {n.text}
                  </p>
                  {added ? (
                    <p class="added" id={`my-note-${n.id}-added`} tabIndex={-1}>
                      <span aria-hidden="true">✓ </span>Added to the debrief
                    </p>
                  ) : (
                    !done && (
                      <div class="actions">
                        <button
                          type="button"
                          class="secondary"
                          aria-describedby={textId}
                          disabled={adding !== null}
                          onClick={() => add(n)}
                        >
                          {adding === n.id ? 'Adding…' : 'Add to the debrief'}
                        </button>
                      </div>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <EvidenceCards
        debrief={d}
        editable={facilitating && d.phase === 'analysis'}
        onMove={move}
        onWithdraw={withdraw}
        onAddPattern={addPattern}
      />

      {(at >= phaseIndex('prediction') || d.prediction) && (
        <Words
          field="prediction"
          heading="Prediction"
          label="The group’s prediction"
          hint="If you were a student here, what would you know and be able to do? Write the group’s words."
          saveLabel="Save the prediction"
          saved="The prediction is saved."
          value={d.prediction}
          draft={drafts.prediction}
          editable={facilitating && d.phase === 'prediction'}
          onDraft={(text) => setDrafts((x) => ({ ...x, prediction: text }))}
          onSave={saveWords}
        />
      )}
      {(at >= phaseIndex('next') || d.nextLevel) && (
        <Words
          field="nextLevel"
          heading="Next level of work"
          label="The next level of work"
          hint="What does the school do next, together, to move that learning forward?"
          saveLabel="Save the next level of work"
          saved="The next level of work is saved."
          value={d.nextLevel}
          draft={drafts.nextLevel}
          editable={facilitating && d.phase === 'next'}
          onDraft={(text) => setDrafts((x) => ({ ...x, nextLevel: text }))}
          onSave={saveWords}
        />
      )}
    </article>
  );
}

/**
 * All the cards: a plain list until there are patterns; then one column per pattern (and "Not grouped"). In the
 * analysis phase the facilitator moves cards by dragging them onto a column or with each card's "Move to pattern…".
 */
function EvidenceCards({
  debrief,
  editable,
  onMove,
  onWithdraw,
  onAddPattern,
}: {
  debrief: Debrief;
  editable: boolean;
  onMove: (cardId: string, patternId: string | null, byKeyboard: boolean) => Promise<void>;
  onWithdraw: (card: Card) => Promise<void>;
  onAddPattern: (name: string) => Promise<ApiResult<Debrief>>;
}) {
  const dragged = useRef<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const { cards, patterns } = debrief;
  const done = debrief.phase === 'done';
  const sorting = debrief.phase === 'description' || debrief.phase === 'analysis';
  const grouped = editable || patterns.length > 0;
  const count = `${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`;

  const item = (card: Card) => (
    <CardItem
      key={card.id}
      card={card}
      patterns={patterns}
      editable={editable}
      // Writers until the end; the facilitator tidies others' cards (duplicates) while the group sorts them.
      canWithdraw={!done && (card.mine || (debrief.facilitator && sorting))}
      dragging={dragging === card.id}
      onDragStart={(e) => {
        dragged.current = card.id;
        setDragging(card.id);
        if (e.dataTransfer) {
          e.dataTransfer.setData('text/plain', card.id);
          e.dataTransfer.effectAllowed = 'move';
        }
      }}
      onDragEnd={() => {
        dragged.current = null;
        setDragging(null);
        setOver(null);
      }}
      onMove={(patternId) => onMove(card.id, patternId, true)}
      onWithdraw={() => onWithdraw(card)}
    />
  );

  const zone = (key: string, patternId: string | null, title: string, inside: Card[]) => {
    const headingId = `zone-${key}-h`;
    const dropProps = editable
      ? {
          onDragOver: (e: DragEvent) => {
            e.preventDefault();
            if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
            if (over !== key) setOver(key);
          },
          onDragLeave: (e: DragEvent) => {
            const to = e.relatedTarget as Node | null;
            if (!to || !(e.currentTarget as Node).contains(to)) setOver(null);
          },
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            const id = e.dataTransfer?.getData('text/plain') || dragged.current;
            dragged.current = null;
            setDragging(null);
            setOver(null);
            if (id) onMove(id, patternId, false);
          },
        }
      : {};
    return (
      <section
        key={key}
        class={`zone${editable ? ' editable' : ''}${over === key ? ' over' : ''}`}
        aria-labelledby={headingId}
        data-zone={key}
        {...dropProps}
      >
        <h3 id={headingId}>{title}</h3>
        <p class="hint">
          {inside.length} {inside.length === 1 ? 'card' : 'cards'}
        </p>
        {over === key && (
          <p class="drop-hint" aria-hidden="true">
            Drop to move the card here
          </p>
        )}
        {inside.length > 0 && <ul class="debrief-cards">{inside.map(item)}</ul>}
      </section>
    );
  };

  const loose = cards.filter((c) => c.patternId === null || !patterns.some((p) => p.id === c.patternId));

  return (
    <section aria-labelledby="cards-h">
      <h2 id="cards-h">Evidence cards</h2>
      <p class="hint">
        {count}. Only the words of each note are here: never who wrote it or whose classroom it was.
      </p>
      {cards.length === 0 && (
        <p class="card">
          No cards yet. Colleagues who visited add their notes from this round as cards{done ? '' : ' here'}.
        </p>
      )}
      {editable && (
        <>
          <p class="hint">
            Drag a card onto a pattern, or choose the pattern in the card’s “Move to pattern…” and press Move.
          </p>
          <PatternForm onAdd={onAddPattern} />
        </>
      )}
      {!grouped && cards.length > 0 && <ul class="debrief-cards">{cards.map(item)}</ul>}
      {grouped && (
        <div class="columns">
          {(editable || loose.length > 0) && zone('none', null, 'Not grouped', loose)}
          {patterns.map((p) =>
            zone(
              p.id,
              p.id,
              p.name,
              cards.filter((c) => c.patternId === p.id),
            ),
          )}
        </div>
      )}
    </section>
  );
}

function CardItem({
  card,
  patterns,
  editable,
  canWithdraw,
  dragging,
  onDragStart,
  onDragEnd,
  onMove,
  onWithdraw,
}: {
  card: Card;
  patterns: Pattern[];
  editable: boolean;
  canWithdraw: boolean;
  dragging: boolean;
  onDragStart: (e: DragEvent) => void;
  onDragEnd: () => void;
  onMove: (patternId: string | null) => Promise<void>;
  onWithdraw: () => Promise<void>;
}) {
  const current = card.patternId ?? '';
  const [choice, setChoice] = useState(current);
  const [busy, setBusy] = useState(false);
  const textId = `card-${card.id}-text`;
  const selectId = `move-${card.id}`;
  useEffect(() => setChoice(current), [current]);

  return (
    <li
      class={`debrief-card${dragging ? ' dragging' : ''}`}
      draggable={editable}
      onDragStart={editable ? onDragStart : undefined}
      onDragEnd={editable ? onDragEnd : undefined}
      data-card={card.id}
    >
      <p class="card-text" id={textId}>
        {card.text}
      </p>
      {card.mine && <p class="hint">Your card</p>}
      {editable && (
        <div class="move">
          <label for={selectId}>Move to pattern…</label>
          <select
            id={selectId}
            value={choice}
            aria-describedby={textId}
            onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
          >
            <option value="">Not grouped{current === '' ? ' (now)' : ''}</option>
            {patterns.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {current === p.id ? ' (now)' : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="secondary"
            aria-describedby={textId}
            disabled={busy || choice === current}
            onClick={async () => {
              setBusy(true);
              await onMove(choice === '' ? null : choice);
              setBusy(false);
            }}
          >
            Move
          </button>
        </div>
      )}
      {canWithdraw && (
        <div class="actions">
          <ConfirmAction
            label={card.mine ? 'Take my card out' : 'Take this card out'}
            describedBy={textId}
            question={
              card.mine
                ? 'Take your card out of the debrief? Your note itself stays as it is.'
                : 'Take this card out of the debrief? The note it came from stays with its writer.'
            }
            confirmLabel="Yes, take it out"
            cancelLabel="No, keep it"
            onConfirm={onWithdraw}
          />
        </div>
      )}
    </li>
  );
}

/** The facilitator names a pattern; the shared schema checks the name before it is sent. */
function PatternForm({ onAdd }: { onAdd: (name: string) => Promise<ApiResult<Debrief>> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = DebriefPatternInputSchema.safeParse({ name });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Name the pattern');
    setBusy(true);
    const r = await onAdd(parsed.data.name);
    setBusy(false);
    if (r.ok) {
      setName('');
      setError('');
    } else setError(r.fields?.find((f) => f.path === 'name')?.message ?? r.message);
  }

  return (
    <form class="pattern-form" onSubmit={submit} noValidate>
      <Field
        id="pattern-name"
        label="Name a new pattern"
        hint="A short phrase for what several cards show, such as “Students explain their steps to a partner”."
        error={error}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={120}
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy}>
          Add the pattern
        </button>
      </div>
    </form>
  );
}

/** The prediction or the next level of work: a text box for the facilitator in its phase, read-only otherwise. */
function Words({
  field,
  heading,
  label,
  hint,
  saveLabel,
  saved,
  value,
  draft,
  editable,
  onDraft,
  onSave,
}: {
  field: WordsField;
  heading: string;
  label: string;
  hint: string;
  saveLabel: string;
  saved: string;
  value: string | null;
  draft: string | null;
  editable: boolean;
  onDraft: (text: string) => void;
  onSave: (field: WordsField, text: string) => Promise<ApiResult<Debrief>>;
}) {
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = `${field}-h`;
  const text = draft ?? value ?? '';

  async function save() {
    setBusy(true);
    const r = await onSave(field, text);
    setBusy(false);
    if (r.ok) {
      setError('');
      setStatus(saved);
    } else {
      setStatus('');
      setError(r.fields?.find((f) => f.path === field)?.message ?? r.message);
    }
  }

  return (
    <section class="card words" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {editable ? (
        <>
          <Field id={`debrief-${field}`} label={label} hint={hint} error={error}>
            {(props) => (
              <textarea
                {...props}
                rows={4}
                maxLength={2000}
                value={text}
                onInput={(e) => {
                  setStatus('');
                  onDraft((e.target as HTMLTextAreaElement).value);
                }}
              />
            )}
          </Field>
          <div class="actions">
            <button type="button" disabled={busy} onClick={save}>
              {saveLabel}
            </button>
          </div>
          <p role="status" aria-live="polite" class="hint">
            {status}
          </p>
        </>
      ) : value ? (
        <p class="words-text">{value}</p>
      ) : (
        <p class="muted">Not written yet.</p>
      )}
    </section>
  );
}
