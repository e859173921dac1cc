import { t } from '../../../../../shared/i18n';
import type { Person, RoundFormState } from '../../hooks/use-round-form';
import { Field } from '../fields';

/**
 * Who visits (with "Select all") and whose classrooms are visited, each host with their room or link. The
 * people are the colleagues who have opened Tasting Menu.
 */
export function RoundPeopleFields({
  people,
  form,
  errors,
  change,
  toggle,
}: {
  people: Person[];
  form: RoundFormState;
  errors: Record<string, string>;
  change: (c: Partial<RoundFormState>) => void;
  toggle: (key: 'participantIds' | 'hostIds', id: string, on: boolean) => void;
}) {
  const allChosen = people.length > 0 && people.every((p) => form.participantIds.includes(p.id));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      <fieldset class="card" aria-describedby={errors.participantIds ? 'participants-error' : undefined}>
        <legend>{t('round-form.participants')}</legend>
        {people.length === 0 && <p>{t('round-form.participants.none')}</p>}
        {people.length > 0 && (
          <div class="check">
            <input
              type="checkbox"
              id="participants-all"
              checked={allChosen}
              onChange={(e) =>
                change({
                  participantIds: (e.target as HTMLInputElement).checked ? people.map((p) => p.id) : [],
                })
              }
            />
            <label for="participants-all">{t('round-form.participants.all')}</label>
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
                {p.role === 'coach' ? t('round-form.participants.coach', { name: p.name }) : p.name}
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
        <legend>{t('round-form.hosts')}</legend>
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
            label={t('round-form.hosts.location', { name: nameOf(id) })}
            error={errors[`locations.${id}`]}
          >
            {(p) => (
              <input
                {...p}
                value={form.locations[id] ?? ''}
                maxLength={200}
                onInput={(e) =>
                  change({
                    locations: { ...form.locations, [id]: (e.target as HTMLInputElement).value },
                  })
                }
              />
            )}
          </Field>
        ))}
      </fieldset>
    </>
  );
}
