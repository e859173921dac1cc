import { type MessageKey, t } from '../../../../shared/i18n';
import { FOCUS_KINDS } from '../../../../shared/rounds';
import { DateTimeFields } from '../components/date-time-fields';
import { Field, LookForField } from '../components/fields';
import { OutsideSchoolDayPrompt } from '../components/outside-school-day';
import { RoundPeopleFields } from '../components/round/round-people-fields';
import { Trans } from '../components/trans';
import { type FocusKind, useRoundForm } from '../hooks/use-round-form';
import { href } from '../router';
import { viewerZone } from '../time';

const FOCUS_LABELS: Record<FocusKind, { option: MessageKey; value: MessageKey; hint: MessageKey }> = {
  strategy: {
    option: 'round-form.focus.strategy',
    value: 'round-form.focus.strategy.value',
    hint: 'round-form.focus.strategy.hint',
  },
  tag: {
    option: 'round-form.focus.tag',
    value: 'round-form.focus.tag.value',
    hint: 'round-form.focus.tag.hint',
  },
  problem: {
    option: 'round-form.focus.problem',
    value: 'round-form.focus.problem.value',
    hint: 'round-form.focus.problem.hint',
  },
};

/** The coach plans a round: who visits, whose rooms, when, around which focus; the server's planner does the rest. */
export function RoundForm({
  token,
  zone = viewerZone(),
  cycleId,
}: {
  token: string;
  zone?: string;
  /** Planning the next round of a cycle: the form starts from the cycle. */
  cycleId?: string | undefined;
}) {
  const {
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
  } = useRoundForm(token, zone, cycleId);

  const heading = (
    <h1 id="view-title" tabIndex={-1}>
      {t('round-form.title')}
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
          <p role="status">{t('round-form.loading')}</p>
        )}
      </section>
    );
  }

  const focus = FOCUS_LABELS[form.focusKind];

  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'rounds' })}>{t('rounds.back')}</a>
      </p>
      {heading}
      {cycle && (
        <p class="card" data-testid="cycle-prefill">
          <Trans
            text={
              cycle.next
                ? t('round-form.cycle.next', { title: cycle.title })
                : t('round-form.cycle.problem', { title: cycle.title })
            }
            parts={{ cycle: (text) => <a href={href({ name: 'cycle', id: cycle.id })}>{text}</a> }}
          />
        </p>
      )}
      <p class="lede">{t('round-form.lede')}</p>
      {message && (
        <p class="card" role="alert" tabIndex={-1} ref={messageRef}>
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <div class="card attention" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>
            <strong>{t('round-form.problems')}</strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p>{t('round-form.problems.kept')}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Field
          id="title"
          label={t('round-form.title.field')}
          hint={t('round-form.title.hint')}
          error={errors.title}
        >
          {(p) => <input {...p} value={form.title} onInput={set('title')} maxLength={120} required />}
        </Field>
        <fieldset class="card">
          <legend>{t('round-form.focus')}</legend>
          {FOCUS_KINDS.map((k) => (
            <div class="check" key={k}>
              <input
                type="radio"
                id={`focus-${k}`}
                name="focus-kind"
                checked={form.focusKind === k}
                onChange={() => change({ focusKind: k })}
              />
              <label for={`focus-${k}`}>{t(FOCUS_LABELS[k].option)}</label>
            </div>
          ))}
          <Field id="focus-value" label={t(focus.value)} hint={t(focus.hint)} error={errors.focus}>
            {(p) => (
              <input {...p} value={form.focusValue} onInput={set('focusValue')} maxLength={300} required />
            )}
          </Field>
        </fieldset>
        <DateTimeFields
          value={form}
          errors={errors}
          onChange={change}
          choice={repeated}
          asking={asking}
          schoolDay={schoolDay}
          notice={notice}
        />
        <div class="row">
          <Field id="slotMinutes" label={t('round-form.slot-minutes')} error={errors.slotMinutes}>
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
          <Field id="gapMinutes" label={t('round-form.gap-minutes')} error={errors.gapMinutes}>
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
        <RoundPeopleFields people={people} form={form} errors={errors} change={change} toggle={toggle} />
        <LookForField value={form.lookFor} onInput={set('lookFor')} error={errors.lookFor} perLine />
        {outside ? (
          <OutsideSchoolDayPrompt
            message={outside}
            busy={saving}
            onConfirm={keepOutside}
            onChange={changeOutside}
          />
        ) : (
          <button type="submit" disabled={saving}>
            {saving ? t('round-form.planning') : t('round-form.plan')}
          </button>
        )}
      </form>
    </section>
  );
}
