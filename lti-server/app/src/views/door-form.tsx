import { MAX_CAPACITY, MAX_REPEAT_WEEKS } from '../../../../shared/visits';
import { DateTimeFields } from '../components/date-time-fields';
import { Field, LookForField } from '../components/fields';
import { OutsideSchoolDayPrompt } from '../components/outside-school-day';
import { useDoorForm } from '../hooks/use-door-form';
import { href } from '../router';
import { viewerZone } from '../time';

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
  const {
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
  } = useDoorForm(token, strategyId, zone);

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
        <DateTimeFields
          value={form}
          errors={errors}
          onChange={change}
          choice={repeated}
          asking={asking}
          zoneHint="The clock your date and time are on."
          schoolDay={schoolDay}
          notice={notice}
        >
          <Field id="minutes" label="Length (minutes)" error={errors.minutes}>
            {(p) => (
              <input {...p} type="number" min={5} max={60} value={form.minutes} onInput={set('minutes')} />
            )}
          </Field>
        </DateTimeFields>
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
        {outside ? (
          <OutsideSchoolDayPrompt
            message={outside}
            busy={saving}
            onConfirm={keepOutside}
            onChange={changeOutside}
          />
        ) : (
          <button type="submit" disabled={saving}>
            {saving ? 'Opening…' : 'Open my door'}
          </button>
        )}
      </form>
    </section>
  );
}
