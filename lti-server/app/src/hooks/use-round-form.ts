import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { FOCUS_KINDS } from '../../../../shared/rounds';
import { createRound, listPeople, type People, type RoundInput } from '../api';
import { type Cycle, getCycle } from '../cycles-api';
import type { DateTime } from '../components/date-time-fields';
import { outsideNotice } from '../components/period-field';
import { setFlash } from '../flash';
import { navigate } from '../router';
import { repeatedStart } from '../time';
import { outsideSchoolDayActions } from './outside-school-day';
import { useSchoolDay } from './use-school-day';

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
function toInput(
  f: RoundFormState,
  asking: boolean,
  confirmOutsideSchoolDay: boolean,
  cycleId: string | undefined,
): RoundInput {
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
    ...(confirmOutsideSchoolDay ? { confirmOutsideSchoolDay } : {}),
    ...(cycleId ? { cycleId } : {}),
  };
}

/** The next round of a cycle starts from it: its people, and the last debrief's next level of work (or its problem). */
function fromCycle(cycle: Cycle): Partial<RoundFormState> {
  return {
    title: t('round-form.cycle.title', { cycle: cycle.title, number: cycle.rounds.length + 1 }).slice(0, 120),
    focusKind: 'problem',
    focusValue: cycle.next?.focus ?? cycle.problem.title.slice(0, 300),
    lookFor: cycle.next?.lookFor ?? '',
    participantIds: cycle.members.map((m) => m.id),
  };
}

/**
 * The "Plan a round" form: the colleagues to choose from, what is typed, the server's field errors or the
 * planner's reasons it could not plan, and the submit that plans the draft and opens it. The school's bell schedule
 * offers periods and its zone is the default; a round outside the school day is asked about (`outside`) first.
 */
export function useRoundForm(token: string, zone: string, cycleId?: string) {
  const [cycle, setCycle] = useState<Cycle | null>(null);
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
  const [outside, setOutside] = useState('');
  const problemsRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    listPeople(token).then((r) => (r.ok ? setPeople(r.data.items) : setLoadError(r.message)));
  }, [token]);
  useEffect(() => {
    if (!cycleId) return;
    getCycle(token, cycleId).then((r) => {
      if (!r.ok) return setLoadError(r.message);
      setCycle(r.data);
      setForm((f) => ({ ...f, ...fromCycle(r.data) }));
    });
  }, [token, cycleId]);
  const schoolDay = useSchoolDay(token);

  // The school's clock is the default, unless the coach already chose another zone.
  useEffect(() => {
    const school = schoolDay?.timeZone;
    if (school) setForm((f) => (f.timeZone === zone ? { ...f, timeZone: school } : f));
  }, [schoolDay, zone]);

  const set =
    (
      key: 'title' | 'focusValue' | 'date' | 'start' | 'timeZone' | 'slotMinutes' | 'gapMinutes' | 'lookFor',
    ) =>
    (e: Event) =>
      change({ [key]: (e.target as HTMLInputElement).value });
  // Any change to the form withdraws the question about the old time.
  const change = (c: Partial<RoundFormState>) => {
    setOutside('');
    setForm({ ...form, ...c });
  };
  const repeated = repeatedStart(form.date, form.start, form.timeZone);
  const asking = repeated !== null || errors.occurrence !== undefined;
  const toggle = (key: 'participantIds' | 'hostIds', id: string, on: boolean) =>
    setForm({ ...form, [key]: on ? [...form[key], id] : form[key].filter((x) => x !== id) });

  // A rough length for the notice (four classrooms); the server checks the planned rotation.
  const notice = outsideNotice(schoolDay, form, 4 * num(form.slotMinutes) + 3 * num(form.gapMinutes));

  async function send(confirmed: boolean) {
    setSaving(true);
    const r = await createRound(token, toInput(form, asking, confirmed, cycleId));
    setSaving(false);
    if (r.ok) {
      setFlash(t('round-form.planned'));
      navigate({ name: 'round', id: r.data.id });
      return;
    }
    if (r.code === 'OUTSIDE_SCHOOL_DAY') {
      setErrors({});
      setMessage('');
      setProblems([]);
      setOutside(r.message);
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
    setMessage(r.fields?.length ? t('common.fix-fields') : r.message);
    setTimeout(() => {
      const invalid = document.querySelector('[aria-invalid="true"]') as HTMLElement | null;
      (invalid ?? messageRef.current)?.focus();
    }, 0);
  }

  const { submit, keepOutside, changeOutside } = outsideSchoolDayActions(send, setOutside);

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
    schoolDay,
    notice,
    outside,
    keepOutside,
    changeOutside,
    cycle,
  };
}
