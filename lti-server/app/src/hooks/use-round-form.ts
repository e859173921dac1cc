import { useEffect, useRef, useState } from 'preact/hooks';
import type { FOCUS_KINDS } from '../../../../shared/rounds';
import { createRound, listPeople, type People, type RoundInput } from '../api';
import type { DateTime } from '../components/date-time-fields';
import { setFlash } from '../flash';
import { navigate } from '../router';
import { repeatedStart } from '../time';

export type FocusKind = (typeof FOCUS_KINDS)[number];
export type Person = People['items'][number];

export interface RoundFormState extends DateTime {
  title: string;
  focusKind: FocusKind;
  focusValue: string;
  slotMinutes: string;
  gapMinutes: string;
  participantIds: string[];
  hostIds: string[];
  locations: Record<string, string>;
  lookFor: string;
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** `asking`: the form shows the choice between the two readings of the start, so the coach's pick goes along. */
function toInput(f: RoundFormState, asking: boolean): RoundInput {
  const locations: Record<string, string> = {};
  for (const id of f.hostIds) locations[id] = f.locations[id] ?? '';
  return {
    title: f.title,
    focus: { kind: f.focusKind, value: f.focusValue },
    date: f.date,
    start: f.start,
    timeZone: f.timeZone,
    ...(asking && f.occurrence ? { occurrence: f.occurrence } : {}),
    slotMinutes: num(f.slotMinutes),
    gapMinutes: num(f.gapMinutes),
    participantIds: f.participantIds,
    hostIds: f.hostIds,
    locations,
    lookFor: f.lookFor.trim() || null,
  };
}

/**
 * The "Plan a round" form: the colleagues to choose from, what is typed, the server's field errors or the
 * planner's reasons it could not plan, and the submit that plans the draft and opens it.
 */
export function useRoundForm(token: string, zone: string) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [form, setForm] = useState<RoundFormState>({
    title: '',
    focusKind: 'strategy',
    focusValue: '',
    date: '',
    start: '',
    timeZone: zone,
    occurrence: '',
    slotMinutes: '10',
    gapMinutes: '5',
    participantIds: [],
    hostIds: [],
    locations: {},
    lookFor: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    listPeople(token).then((r) => (r.ok ? setPeople(r.data.items) : setLoadError(r.message)));
  }, [token]);

  const set =
    (
      key: 'title' | 'focusValue' | 'date' | 'start' | 'timeZone' | 'slotMinutes' | 'gapMinutes' | 'lookFor',
    ) =>
    (e: Event) =>
      setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  const change = (c: Partial<RoundFormState>) => setForm({ ...form, ...c });
  const repeated = repeatedStart(form.date, form.start, form.timeZone);
  const asking = repeated !== null || errors.occurrence !== undefined;
  const toggle = (key: 'participantIds' | 'hostIds', id: string, on: boolean) =>
    setForm({ ...form, [key]: on ? [...form[key], id] : form[key].filter((x) => x !== id) });

  async function submit(e: Event) {
    e.preventDefault();
    setSaving(true);
    const r = await createRound(token, toInput(form, asking));
    setSaving(false);
    if (r.ok) {
      setFlash('Draft planned. Check the groups and the rotation, then publish it to book the visits.');
      navigate({ name: 'round', id: r.data.id });
      return;
    }
    if (r.code === 'ROUND_UNPLANNABLE') {
      setErrors({});
      setMessage('');
      const sentences = (r.fields ?? []).map((f) => f.message).filter(Boolean);
      setProblems(sentences.length ? [...new Set(sentences)] : [r.message]);
      setTimeout(() => problemsRef.current?.focus(), 0);
      return;
    }
    setProblems([]);
    const byField: Record<string, string> = {};
    for (const f of r.fields ?? []) {
      byField[f.path] ??= f.message;
      byField[f.path.split('.')[0] ?? f.path] ??= f.message;
    }
    setErrors(byField);
    setMessage(
      r.fields?.length ? 'Please fix the fields marked below; nothing you typed was lost.' : r.message,
    );
    setTimeout(() => {
      const invalid = document.querySelector('[aria-invalid="true"]') as HTMLElement | null;
      (invalid ?? messageRef.current)?.focus();
    }, 0);
  }

  return {
    people,
    loadError,
    form,
    set,
    change,
    toggle,
    errors,
    problems,
    message,
    saving,
    repeated,
    asking,
    submit,
    problemsRef,
    messageRef,
  };
}
