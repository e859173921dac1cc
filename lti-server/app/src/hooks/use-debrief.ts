import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import {
  type ApiResult,
  addDebriefCard,
  addDebriefPattern,
  type Debrief,
  type DebriefPhase,
  getDebrief,
  listNotes,
  moveDebriefCard,
  type Note,
  updateDebrief,
  withdrawDebriefCard,
} from '../api';
import { type Card, type Drafts, PHASES, sameText, type WordsField } from '../components/debrief/phases';

const FIELD_PHASE: Record<WordsField, DebriefPhase> = { prediction: 'prediction', nextLevel: 'next' };
const UNTOUCHED: Drafts = { prediction: null, nextLevel: null };

/**
 * One round's debrief as the browser sees it: the server's debrief, my notes from the round's visits, the
 * facilitator's unsaved words, and every call that changes them. Each change answers the whole debrief, which
 * replaces ours; what happened is said in the status line (or the problem line) and the view only renders.
 */
export function useDebrief(token: string, roundId: string) {
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  /** My notes from this round's visits (null until loaded). */
  const [myNotes, setMyNotes] = useState<Note[] | null>(null);
  const [notesError, setNotesError] = useState('');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(UNTOUCHED);
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
    const notes = await listNotes(token, 'written');
    if (!notes.ok) return setNotesError(notes.message);
    setNotesError('');
    setMyNotes(notes.data.items.filter((n) => n.visit.roundId === roundId));
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

  async function refresh() {
    setBusy(true);
    const r = await getDebrief(token, roundId);
    setBusy(false);
    if (!r.ok) return fail(r.message);
    setDebrief(r.data);
    announce(t('debrief.refreshed', { phase: t(PHASES[r.data.phase].name), count: r.data.cards.length }));
    loadNotes();
  }

  /** Moves the phase; the words typed for the phase being left go along, so nothing typed is lost. */
  async function go(phase: DebriefPhase, skipReason?: string) {
    if (!debrief) return;
    const body: Parameters<typeof updateDebrief>[2] = { phase, ...(skipReason ? { skipReason } : {}) };
    for (const field of ['prediction', 'nextLevel'] as const) {
      const typed = drafts[field];
      if (FIELD_PHASE[field] === debrief.phase && typed !== null && !sameText(typed, debrief[field] ?? ''))
        body[field] = typed;
    }
    setBusy(true);
    const r = await updateDebrief(token, roundId, body);
    setBusy(false);
    const said = phase === 'done' ? t('debrief.done') : t('debrief.moved', { phase: t(PHASES[phase].name) });
    if (apply(r, said, true)) setDrafts(UNTOUCHED);
  }

  const draft = (field: WordsField, text: string) => setDrafts((x) => ({ ...x, [field]: text }));

  /** Saves the prediction or the next level of work; the caller shows the outcome beside its text box. */
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

  /** Puts one of my notes on the table as a card; true when it worked. */
  async function add(note: Note): Promise<boolean> {
    setAdding(note.id);
    const r = await addDebriefCard(token, roundId, note.id);
    setAdding(null);
    return apply(r, t('debrief.card.added'));
  }

  async function withdraw(card: Card) {
    const r = await withdrawDebriefCard(token, roundId, card.id);
    apply(r, t(card.mine ? 'debrief.card.withdrawn-mine' : 'debrief.card.withdrawn'), true);
  }

  /** Moves a card into a pattern (null: Not grouped); true when the card moved. */
  async function move(cardId: string, patternId: string | null): Promise<boolean> {
    const card = debrief?.cards.find((c) => c.id === cardId);
    if (!debrief || !card || card.patternId === patternId) return false;
    const r = await moveDebriefCard(token, roundId, cardId, patternId);
    const name = debrief.patterns.find((p) => p.id === patternId)?.name;
    return apply(r, name ? t('debrief.card.moved', { name }) : t('debrief.card.moved-loose'));
  }

  async function addPattern(name: string): Promise<ApiResult<Debrief>> {
    const r = await addDebriefPattern(token, roundId, name);
    if (r.ok) {
      setDebrief(r.data);
      announce(t('debrief.pattern.added', { name: name.trim() }));
    }
    return r;
  }

  return {
    debrief,
    failure,
    myNotes,
    notesError,
    status,
    problem,
    busy,
    adding,
    drafts,
    statusRef,
    problemRef,
    refresh,
    go,
    draft,
    saveWords,
    add,
    withdraw,
    move,
    addPattern,
  };
}

export type DebriefState = ReturnType<typeof useDebrief>;
