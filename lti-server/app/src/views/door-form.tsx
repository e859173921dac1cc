import { t } from '../../../../shared/i18n';
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
      {t('doors.open-yours')}
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
        <p role="status">{t('door-form.loading')}</p>
      </section>
    );
  }
  if (strategies.length === 0) {
    return (
      <section aria-labelledby="view-title">
        {heading}
        <div class="card">
          <p>{waiting > 0 ? t('door-form.none.waiting', { count: waiting }) : t('door-form.none')}</p>
          <p>
            <a href={href({ name: 'add' })}>{t('app.nav.add')}</a>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="view-title">
      {heading}
      <p class="lede">{t('door-form.lede')}</p>
      {message && (
        <p class="card" role="alert">
          {message}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <Field id="strategyId" label={t('picture.focus.strategy')} error={errors.strategyId}>
          {(p) => (
            <select {...p} value={form.strategyId} onChange={set('strategyId')} required>
              <option value="">{t('door-form.choose')}</option>
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
          zoneHint={t('door-form.zone-hint')}
          schoolDay={schoolDay}
          notice={notice}
        >
          <Field id="minutes" label={t('door-form.minutes')} error={errors.minutes}>
            {(p) => (
              <input {...p} type="number" min={5} max={60} value={form.minutes} onInput={set('minutes')} />
            )}
          </Field>
        </DateTimeFields>
        <Field
          id="location"
          label={t('door-form.location')}
          hint={t('door-form.location.hint')}
          error={errors.location}
        >
          {(p) => <input {...p} value={form.location} onInput={set('location')} maxLength={200} required />}
        </Field>
        <div class="row">
          <Field
            id="capacity"
            label={t('door.seats')}
            hint={t('door-form.seats.hint', { max: MAX_CAPACITY })}
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
            label={t('door-form.repeat')}
            hint={t('door-form.repeat.hint', { max: MAX_REPEAT_WEEKS })}
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
          label={t('door-form.note')}
          hint={t('door-form.note.hint')}
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
          example={t('door-form.look-for.example')}
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
            {t(saving ? 'door-form.opening' : 'door-form.open')}
          </button>
        )}
      </form>
    </section>
  );
}
