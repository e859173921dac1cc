import { FOCUS_KINDS } from '../../../../shared/rounds';
import { DateTimeFields } from '../components/date-time-fields';
import { Field, LookForField } from '../components/fields';
import { OutsideSchoolDayPrompt } from '../components/outside-school-day';
import { RoundPeopleFields } from '../components/round/round-people-fields';
import { type FocusKind, useRoundForm } from '../hooks/use-round-form';
import { href } from '../router';
import { viewerZone } from '../time';

const FOCUS_LABELS: Record<FocusKind, { option: string; value: string; hint: string }> = {
  strategy: { option: 'A strategy', value: 'Which strategy', hint: 'Its title, as on the menu.' },
  tag: { option: 'A tag', value: 'Which tag', hint: 'e.g. discussion' },
  problem: {
    option: 'A problem of practice',
    value: 'The problem of practice',
    hint: 'One question the group is working on, e.g. “How do we get every student talking?”',
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

  const focus = FOCUS_LABELS[form.focusKind];

  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'rounds' })}>← Rounds</a>
      </p>
      {heading}
      {cycle && (
        <p class="card" data-testid="cycle-prefill">
          Part of the cycle <a href={href({ name: 'cycle', id: cycle.id })}>{cycle.title}</a>.{' '}
          {cycle.next
            ? 'The focus and the look-for come from the last debrief’s next level of work; its people are chosen.'
            : 'The focus is the cycle’s problem of practice; its people are chosen.'}
        </p>
      )}
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
                onChange={() => change({ focusKind: k })}
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
            {saving ? 'Planning…' : 'Plan the round'}
          </button>
        )}
      </form>
    </section>
  );
}
