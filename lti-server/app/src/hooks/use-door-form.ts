import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { StrategyCard } from '../../../../shared/strategy';
import { DEFAULT_CAPACITY, DEFAULT_DOOR_MINUTES } from '../../../../shared/visits';
import { createDoors, type DoorInput, listStrategyCards } from '../api';
import type { DateTime } from '../components/date-time-fields';
import { outsideNotice } from '../components/period-field';
import { setFlash } from '../flash';
import { navigate } from '../router';
import { formatInstantDay, formatTime, repeatedStart, weekOf } from '../time';
import { outsideSchoolDayActions } from './outside-school-day';
import { useSchoolDay } from './use-school-day';

export interface DoorFormState extends DateTime {
  strategyId: string;
  minutes: string;
  location: string;
  capacity: string;
  visitorNote: string;
  lookFor: string;
  repeatWeeks: string;
}

/** A number for the API; what cannot be read as one goes as null, so the server names the field. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** `asking`: the form shows the choice between the two readings of the start, so the host's pick goes along. */
function toInput(f: DoorFormState, asking: boolean, confirmOutsideSchoolDay: boolean): DoorInput {
  return {
    strategyId: f.strategyId,
    date: f.date,
    start: f.start,
    minutes: num(f.minutes),
    timeZone: f.timeZone,
    location: f.location,
    capacity: num(f.capacity),
    visitorNote: f.visitorNote.trim() || null,
    lookFor: f.lookFor.trim() || null,
    repeatWeeks: num(f.repeatWeeks),
    ...(asking && f.occurrence ? { occurrence: f.occurrence } : {}),
    ...(confirmOutsideSchoolDay ? { confirmOutsideSchoolDay } : {}),
  };
}

const onMenu = (s: StrategyCard) => s.status === 'approved' || s.status === 'featured';

/**
 * The "Open your door" form: the host's strategies on the menu (and how many wait for review), what is typed, the
 * server's field errors, and the submit that opens the door(s) and goes to that week of open doors. The school's
 * bell schedule offers periods and its zone is the default; a time outside the school day is asked about
 * (`outside`) and sent again once the host keeps it.
 */
export function useDoorForm(token: string, strategyId: string | undefined, zone: string) {
  const [form, setForm] = useState<DoorFormState>({
    strategyId: strategyId ?? '',
    date: '',
    start: '',
    minutes: String(DEFAULT_DOOR_MINUTES),
    location: '',
    capacity: String(DEFAULT_CAPACITY),
    visitorNote: '',
    lookFor: '',
    repeatWeeks: '1',
    timeZone: zone,
    occurrence: '',
  });
  const [strategies, setStrategies] = useState<StrategyCard[] | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [outside, setOutside] = useState('');

  useEffect(() => {
    listStrategyCards(token, { status: 'mine', limit: '100' }).then((r) => {
      if (!r.ok) return setLoadError(r.message);
      const usable = r.data.items.filter(onMenu);
      setStrategies(usable);
      setWaiting(r.data.items.filter((s) => s.status === 'pending').length);
      setForm((f) => {
        if (f.strategyId && usable.some((s) => s.id === f.strategyId)) return f;
        return { ...f, strategyId: usable.length === 1 ? (usable[0]?.id ?? '') : '' };
      });
    });
  }, [token]);
  const schoolDay = useSchoolDay(token);

  // The school's clock is the default, unless the host already chose another zone.
  useEffect(() => {
    const school = schoolDay?.timeZone;
    if (school) setForm((f) => (f.timeZone === zone ? { ...f, timeZone: school } : f));
  }, [schoolDay, zone]);

  // Any change to the form withdraws the question about the old time.
  const change = (c: Partial<DoorFormState>) => {
    setOutside('');
    setForm({ ...form, ...c });
  };
  /** An input's handler that copies its value into the form. */
  const set = (key: keyof DoorFormState) => (e: Event) =>
    change({ [key]: (e.target as HTMLInputElement).value });
  const repeated = repeatedStart(form.date, form.start, form.timeZone, num(form.repeatWeeks));
  const asking = repeated !== null || errors.occurrence !== undefined;

  const notice = outsideNotice(schoolDay, form, num(form.minutes));

  async function send(confirmed: boolean) {
    setSaving(true);
    const r = await createDoors(token, toInput(form, asking, confirmed));
    setSaving(false);
    if (r.ok) {
      const first = r.data.items[0];
      if (first) {
        const day = formatInstantDay(first.startsAt, zone);
        const time = formatTime(first.startsAt, zone);
        const title = first.strategy?.title ?? t('door-form.your-strategy');
        setFlash(
          r.data.items.length === 1
            ? t('door-form.opened', { title, day, time })
            : t('door-form.opened-weekly', { count: r.data.items.length, title, day, time }),
        );
        navigate({ name: 'doors', week: weekOf(first.startsAt, zone) });
      } else navigate({ name: 'doors' });
      return;
    }
    if (r.code === 'OUTSIDE_SCHOOL_DAY') {
      setErrors({});
      setMessage('');
      setOutside(r.message);
      return;
    }
    const byField: Record<string, string> = {};
    for (const f of r.fields ?? []) byField[f.path.split('.')[0] ?? f.path] ??= f.message;
    setErrors(byField);
    setMessage(r.fields?.length ? t('common.fix-fields') : r.message);
    setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
  }

  const { submit, keepOutside, changeOutside } = outsideSchoolDayActions(send, setOutside);

  return {
    form,
    set,
    change,
    strategies,
    waiting,
    loadError,
    errors,
    message,
    saving,
    repeated,
    asking,
    submit,
    schoolDay,
    notice,
    outside,
    keepOutside,
    changeOutside,
  };
}
