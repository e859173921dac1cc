import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import { listPeople, type People, type Round, replanDecline } from '../../api';
import { formatInstantDay, formatTime } from '../../time';
import { Trans } from '../trans';

type Decline = Round['declines'][number];

/**
 * Slots their hosts declined, with the host's reason, on the coach's round page: the coach moves each group to another
 * colleague's room at the same time (or leaves it, and the group sits the slot out).
 */
export function RoundDeclines({
  token,
  round,
  nameOf,
  now = () => new Date(),
  onReplanned,
}: {
  token: string;
  round: Round;
  nameOf: (personId: string) => string;
  now?: () => Date;
  onReplanned: (round: Round, text: string) => void;
}) {
  const [people, setPeople] = useState<People['items']>([]);
  useEffect(() => {
    if (round.declines.length === 0) return;
    listPeople(token).then((r) => r.ok && setPeople(r.data.items));
  }, [token, round.declines.length]);
  if (round.declines.length === 0) return null;
  return (
    <section class="card attention" aria-labelledby="declines-h">
      <h2 id="declines-h">{t('rounds.declines.title')}</h2>
      <ul>
        {round.declines.map((d) => (
          <li key={d.id}>
            <p>
              <Trans
                text={t('rounds.declines.item', {
                  host: nameOf(d.hostId),
                  day: formatInstantDay(d.startsAt, round.timeZone),
                  time: formatTime(d.startsAt, round.timeZone),
                  reason: d.reason,
                })}
                parts={{ strong: (text) => <strong>{text}</strong> }}
              />
            </p>
            {d.replanned ? (
              <p>
                {t('rounds.declines.replanned', {
                  host: d.replanned.host.name,
                  location: d.replanned.location,
                })}
              </p>
            ) : Date.parse(d.startsAt) > now().getTime() ? (
              <ReplanForm
                token={token}
                round={round}
                decline={d}
                people={people.filter((p) => p.id !== d.hostId)}
                label={t('rounds.declines.replan', {
                  host: nameOf(d.hostId),
                  time: formatTime(d.startsAt, round.timeZone),
                })}
                onReplanned={onReplanned}
              />
            ) : (
              <p>{t('rounds.declines.passed')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReplanForm({
  token,
  round,
  decline,
  people,
  label,
  onReplanned,
}: {
  token: string;
  round: Round;
  decline: Decline;
  people: People['items'];
  /** The form's name: which declined slot it re-plans. */
  label: string;
  onReplanned: (round: Round, text: string) => void;
}) {
  const [hostId, setHostId] = useState('');
  const [location, setLocation] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const hostField = `replan-host-${decline.id}`;
  const locationField = `replan-location-${decline.id}`;

  async function submit(e: Event) {
    e.preventDefault();
    if (!hostId) return setProblem(t('rounds.declines.choose-host'));
    setBusy(true);
    const r = await replanDecline(token, round.id, decline.id, { hostId, location: location.trim() || null });
    setBusy(false);
    if (!r.ok) return setProblem(r.fields?.length ? r.fields.map((f) => f.message).join(' ') : r.message);
    setProblem('');
    const moved = r.data.declines.find((x) => x.id === decline.id)?.replanned;
    onReplanned(
      r.data,
      moved
        ? t('rounds.declines.replanned.moved', { host: moved.host.name, location: moved.location })
        : t('rounds.declines.replanned.done'),
    );
  }

  return (
    <form class="replan" aria-label={label} onSubmit={submit}>
      <div class="field">
        <label for={hostField}>{t('rounds.declines.host')}</label>
        <select
          id={hostField}
          value={hostId}
          onChange={(e) => setHostId((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('rounds.declines.choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={locationField}>{t('rounds.declines.location')}</label>
        <input
          id={locationField}
          maxLength={200}
          value={location}
          onInput={(e) => setLocation((e.target as HTMLInputElement).value)}
        />
      </div>
      {problem && (
        <p role="alert" class="card attention">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('rounds.declines.moving') : t('rounds.declines.move')}
      </button>
    </form>
  );
}
