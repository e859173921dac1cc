import { useEffect, useState } from 'preact/hooks';
import type { Strategy } from '../../../../shared/strategy';
import {
  DEFAULT_CAPACITY,
  DEFAULT_DOOR_MINUTES,
  MAX_CAPACITY,
  MAX_REPEAT_WEEKS,
} from '../../../../shared/visits';
import type { Occurrence } from '../../../../shared/zoned-time';
import { createDoors, type DoorInput, listStrategies } from '../api';
import { Field, LookForField, OccurrenceField } from '../components/fields';
import { setFlash } from '../flash';
import { href, navigate } from '../router';
import { formatInstantDay, formatTime, repeatedStart, timeZones, viewerZone, weekOf } from '../time';

interface FormState {
  strategyId: string;
  date: string;
  start: string;
  minutes: string;
  location: string;
  capacity: string;
  visitorNote: string;
  lookFor: string;
  repeatWeeks: string;
  timeZone: string;
  /** Which one, when the start happens twice (the night the clocks go back); '' until the host picks. */
  occurrence: Occurrence | '';
}

/** A number for the API; what cannot be read as one goes as null, so the server names the field. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** `asking`: the form shows the choice between the two readings of the start, so the host's pick goes along. */
function toInput(f: FormState, asking: boolean): DoorInput {
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
  };
}

const onMenu = (s: Strategy) => s.status === 'approved' || s.status === 'featured';

/** Open your classroom door for a short sampling visit of one of your strategies (once, or weekly). */
export function DoorForm({
  token,
  strategyId,
  zone = viewerZone(),
}: {
  token: string;
  strategyId?: string | undefined;
  zone?: string;
}) {
  const [form, setForm] = useState<FormState>({
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
  const [strategies, setStrategies] = useState<Strategy[] | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    listStrategies(token, { status: 'mine', limit: '100' }).then((r) => {
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

  const set = (key: keyof FormState) => (e: Event) =>
    setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  const repeated = repeatedStart(form.date, form.start, form.timeZone, num(form.repeatWeeks));
  const asking = repeated !== null || errors.occurrence !== undefined;

  async function submit(e: Event) {
    e.preventDefault();
    setSaving(true);
    const r = await createDoors(token, toInput(form, asking));
    setSaving(false);
    if (r.ok) {
      const first = r.data.items[0];
      if (first) {
        const when = `${formatInstantDay(first.startsAt, zone)} at ${formatTime(first.startsAt, zone)}`;
        const title = first.strategy?.title ?? 'your strategy';
        setFlash(
          r.data.items.length === 1
            ? `Your door is open: ${title}, ${when}.`
            : `Your door is open on ${r.data.items.length} dates for ${title}, weekly from ${when}.`,
        );
        navigate({ name: 'doors', week: weekOf(first.startsAt, zone) });
      } else navigate({ name: 'doors' });
      return;
    }
    const byField: Record<string, string> = {};
    for (const f of r.fields ?? []) byField[f.path.split('.')[0] ?? f.path] ??= f.message;
    setErrors(byField);
    setMessage(
      r.fields?.length ? 'Please fix the fields marked below; nothing you typed was lost.' : r.message,
    );
    setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
  }

  const heading = (
    <h1 id="view-title" tabIndex={-1}>
      Open your door
    </h1>
  );

  if (loadError) {
    return (
      <section aria-labelledby="view-title">
        {heading}
        <p class="card" role="alert">
          {loadError}
        </p>
      </section>
    );
  }
  if (!strategies) {
    return (
      <section aria-labelledby="view-title">
        {heading}
        <p role="status">Loading your strategies…</p>
      </section>
    );
  }
  if (strategies.length === 0) {
    return (
      <section aria-labelledby="view-title">
        {heading}
        <div class="card">
          <p>
            You can open your door for a strategy once it is on the menu. A strategy needs a coach’s approval
            first
            {waiting > 0 ? ` (${waiting} of yours ${waiting === 1 ? 'is' : 'are'} waiting for review)` : ''}.
          </p>
          <p>
            <a href={href({ name: 'add' })}>Add a strategy</a>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="view-title">
      {heading}
      <p class="lede">
        Invite colleagues into your classroom for a short sample of one of your strategies. They come to
        learn, not to evaluate.
      </p>
      {message && (
        <p class="card" role="alert">
          {message}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <Field id="strategyId" label="Strategy" error={errors.strategyId}>
          {(p) => (
            <select {...p} value={form.strategyId} onChange={set('strategyId')} required>
              <option value="">Choose one of your strategies</option>
              {strategies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="row">
          <Field id="date" label="Date" error={errors.date}>
            {(p) => <input {...p} type="date" value={form.date} onInput={set('date')} required />}
          </Field>
          <Field id="start" label="Start time" error={errors.start}>
            {(p) => <input {...p} type="time" value={form.start} onInput={set('start')} required />}
          </Field>
          <Field id="minutes" label="Length (minutes)" error={errors.minutes}>
            {(p) => (
              <input {...p} type="number" min={5} max={60} value={form.minutes} onInput={set('minutes')} />
            )}
          </Field>
        </div>
        <Field
          id="timeZone"
          label="Time zone"
          hint="The clock your date and time are on."
          error={errors.timeZone}
        >
          {(p) => (
            <select {...p} value={form.timeZone} onChange={set('timeZone')}>
              {timeZones(form.timeZone).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        {asking && (
          <OccurrenceField
            choice={repeated}
            value={form.occurrence}
            onChange={(occurrence) => setForm({ ...form, occurrence })}
            error={errors.occurrence}
          />
        )}
        <Field
          id="location"
          label="Room or link"
          hint="Where visitors go: a room, or a video link for an online class."
          error={errors.location}
        >
          {(p) => <input {...p} value={form.location} onInput={set('location')} maxLength={200} required />}
        </Field>
        <div class="row">
          <Field
            id="capacity"
            label="Seats"
            hint={`Up to ${MAX_CAPACITY}, so the room stays a classroom.`}
            error={errors.capacity}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                max={MAX_CAPACITY}
                value={form.capacity}
                onInput={set('capacity')}
              />
            )}
          </Field>
          <Field
            id="repeatWeeks"
            label="Repeat weekly for (weeks)"
            hint={`1 = just this date; up to ${MAX_REPEAT_WEEKS}.`}
            error={errors.repeatWeeks}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                max={MAX_REPEAT_WEEKS}
                value={form.repeatWeeks}
                onInput={set('repeatWeeks')}
              />
            )}
          </Field>
        </div>
        <Field
          id="visitorNote"
          label="Note for visitors (optional)"
          hint="e.g. Come in quietly and sit at the back table."
          error={errors.visitorNote}
        >
          {(p) => (
            <textarea {...p} rows={2} maxLength={300} value={form.visitorNote} onInput={set('visitorNote')} />
          )}
        </Field>
        <LookForField
          value={form.lookFor}
          onInput={set('lookFor')}
          error={errors.lookFor}
          example="Notice how students use the sentence frames"
        />
        <button type="submit" disabled={saving}>
          {saving ? 'Opening…' : 'Open my door'}
        </button>
      </form>
    </section>
  );
}
