import { useEffect, useRef, useState } from 'preact/hooks';
import { FOCUS_KINDS } from '../../../../shared/rounds';
import type { Occurrence } from '../../../../shared/zoned-time';
import { createRound, listPeople, type People, type RoundInput } from '../api';
import { Field, LookForField, OccurrenceField } from '../components/fields';
import { setFlash } from '../flash';
import { href, navigate } from '../router';
import { repeatedStart, timeZones, viewerZone } from '../time';

type FocusKind = (typeof FOCUS_KINDS)[number];
type Person = People['items'][number];

const FOCUS_LABELS: Record<FocusKind, { option: string; value: string; hint: string }> = {
  strategy: { option: 'A strategy', value: 'Which strategy', hint: 'Its title, as on the menu.' },
  tag: { option: 'A tag', value: 'Which tag', hint: 'e.g. discussion' },
  problem: {
    option: 'A problem of practice',
    value: 'The problem of practice',
    hint: 'One question the group is working on, e.g. “How do we get every student talking?”',
  },
};

interface FormState {
  title: string;
  focusKind: FocusKind;
  focusValue: string;
  date: string;
  start: string;
  timeZone: string;
  /** Which one, when the start happens twice (the night the clocks go back); '' until the coach picks. */
  occurrence: Occurrence | '';
  slotMinutes: string;
  gapMinutes: string;
  participantIds: string[];
  hostIds: string[];
  locations: Record<string, string>;
  lookFor: string;
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** `asking`: the form shows the choice between the two readings of the start, so the coach's pick goes along. */
function toInput(f: FormState, asking: boolean): RoundInput {
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

/** The coach plans a round: who visits, whose rooms, when, around which focus; the server's planner does the rest. */
export function RoundForm({ token, zone = viewerZone() }: { token: string; zone?: string }) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [form, setForm] = useState<FormState>({
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

  const heading = (
    <h1 id="view-title" tabIndex={-1}>
      Plan a round
    </h1>
  );
  if (loadError || !people) {
    return (
      <section aria-labelledby="view-title">
        {heading}
        {loadError ? (
          <p class="card" role="alert">
            {loadError}
          </p>
        ) : (
          <p role="status">Loading colleagues…</p>
        )}
      </section>
    );
  }

  const allChosen = people.length > 0 && people.every((p) => form.participantIds.includes(p.id));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const focus = FOCUS_LABELS[form.focusKind];

  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'rounds' })}>← Rounds</a>
      </p>
      {heading}
      <p class="lede">
        Small groups of colleagues rotate through a few classrooms around one focus. The planner makes the
        groups and the rotation; you can adjust the groups before publishing.
      </p>
      {message && (
        <p class="card" role="alert" tabIndex={-1} ref={messageRef}>
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <div class="card attention" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>
            <strong>The planner could not make this round yet:</strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p>Change the form and plan again; everything you entered is still here.</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Field id="title" label="Title" hint="e.g. Thursday discussion round" error={errors.title}>
          {(p) => <input {...p} value={form.title} onInput={set('title')} maxLength={120} required />}
        </Field>
        <fieldset class="card">
          <legend>Focus</legend>
          {FOCUS_KINDS.map((k) => (
            <div class="check" key={k}>
              <input
                type="radio"
                id={`focus-${k}`}
                name="focus-kind"
                checked={form.focusKind === k}
                onChange={() => setForm({ ...form, focusKind: k })}
              />
              <label for={`focus-${k}`}>{FOCUS_LABELS[k].option}</label>
            </div>
          ))}
          <Field id="focus-value" label={focus.value} hint={focus.hint} error={errors.focus}>
            {(p) => (
              <input {...p} value={form.focusValue} onInput={set('focusValue')} maxLength={300} required />
            )}
          </Field>
        </fieldset>
        <div class="row">
          <Field id="date" label="Date" error={errors.date}>
            {(p) => <input {...p} type="date" value={form.date} onInput={set('date')} required />}
          </Field>
          <Field id="start" label="Start time" error={errors.start}>
            {(p) => <input {...p} type="time" value={form.start} onInput={set('start')} required />}
          </Field>
        </div>
        <Field id="timeZone" label="Time zone" error={errors.timeZone}>
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
        <div class="row">
          <Field id="slotMinutes" label="Minutes per visit" error={errors.slotMinutes}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={5}
                max={30}
                value={form.slotMinutes}
                onInput={set('slotMinutes')}
              />
            )}
          </Field>
          <Field id="gapMinutes" label="Minutes between visits" error={errors.gapMinutes}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={30}
                value={form.gapMinutes}
                onInput={set('gapMinutes')}
              />
            )}
          </Field>
        </div>
        <fieldset class="card" aria-describedby={errors.participantIds ? 'participants-error' : undefined}>
          <legend>Participants (who visits)</legend>
          {people.length === 0 && (
            <p>No colleagues yet: people appear here once they have opened Tasting Menu.</p>
          )}
          {people.length > 0 && (
            <div class="check">
              <input
                type="checkbox"
                id="participants-all"
                checked={allChosen}
                onChange={(e) =>
                  setForm({
                    ...form,
                    participantIds: (e.target as HTMLInputElement).checked ? people.map((p) => p.id) : [],
                  })
                }
              />
              <label for="participants-all">Select all</label>
            </div>
          )}
          <ul class="plain checks">
            {people.map((p) => (
              <li class="check" key={p.id}>
                <input
                  type="checkbox"
                  id={`participant-${p.id}`}
                  checked={form.participantIds.includes(p.id)}
                  onChange={(e) => toggle('participantIds', p.id, (e.target as HTMLInputElement).checked)}
                />
                <label for={`participant-${p.id}`}>
                  {p.name}
                  {p.role === 'coach' ? ' (coach)' : ''}
                </label>
              </li>
            ))}
          </ul>
          {errors.participantIds && (
            <p class="error" id="participants-error">
              {errors.participantIds}
            </p>
          )}
        </fieldset>
        <fieldset class="card" aria-describedby={errors.hostIds ? 'hosts-error' : undefined}>
          <legend>Hosts (whose classrooms are visited)</legend>
          <ul class="plain checks">
            {people.map((p) => (
              <li class="check" key={p.id}>
                <input
                  type="checkbox"
                  id={`host-${p.id}`}
                  checked={form.hostIds.includes(p.id)}
                  onChange={(e) => toggle('hostIds', p.id, (e.target as HTMLInputElement).checked)}
                />
                <label for={`host-${p.id}`}>{p.name}</label>
              </li>
            ))}
          </ul>
          {errors.hostIds && (
            <p class="error" id="hosts-error">
              {errors.hostIds}
            </p>
          )}
          {form.hostIds.map((id) => (
            <Field
              key={id}
              id={`room-${id}`}
              label={`Room or link for ${nameOf(id)}`}
              error={errors[`locations.${id}`]}
            >
              {(p) => (
                <input
                  {...p}
                  value={form.locations[id] ?? ''}
                  maxLength={200}
                  onInput={(e) =>
                    setForm({
                      ...form,
                      locations: { ...form.locations, [id]: (e.target as HTMLInputElement).value },
                    })
                  }
                />
              )}
            </Field>
          ))}
        </fieldset>
        <LookForField value={form.lookFor} onInput={set('lookFor')} error={errors.lookFor} />
        <button type="submit" disabled={saving}>
          {saving ? 'Planning…' : 'Plan the round'}
        </button>
      </form>
    </section>
  );
}
