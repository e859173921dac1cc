import { useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import type { Round } from '../../api';
import { Trans } from '../trans';

/** The round's groups; while it is a draft, each person has "Move to group…" (the rotation is made again). */
export function RoundGroups({
  round,
  nameOf,
  onMove,
}: {
  round: Round;
  nameOf: (personId: string) => string;
  onMove: (personId: string, target: number | 'new') => Promise<void>;
}) {
  const draft = round.status === 'draft';
  return (
    <section class="card" aria-labelledby="groups-h">
      <h2 id="groups-h">{t('rounds.groups.title')}</h2>
      {draft && <p class="hint">{t('rounds.groups.hint')}</p>}
      {round.groups.map((group, gi) => (
        <div class="group" key={group.join(',')}>
          <h3>{t('rounds.groups.group', { number: gi + 1 })}</h3>
          <ul class="plain">
            {group.map((pid) => (
              <MemberRow
                key={pid}
                personId={pid}
                name={nameOf(pid)}
                current={gi}
                groupCount={round.groups.length}
                editable={draft}
                onMove={onMove}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** One person in a group: their name, and while a draft, where to move them. */
function MemberRow({
  personId,
  name,
  current,
  groupCount,
  editable,
  onMove,
}: {
  personId: string;
  name: string;
  current: number;
  groupCount: number;
  editable: boolean;
  onMove: (personId: string, target: number | 'new') => Promise<void>;
}) {
  const [choice, setChoice] = useState(String(current));
  const [busy, setBusy] = useState(false);
  if (!editable) return <li>{name}</li>;
  const selectId = `move-${personId}`;
  return (
    <li class="member">
      <span>{name}</span>
      <label for={selectId}>
        <Trans
          text={t('rounds.groups.move-to', { name })}
          parts={{ name: (text) => <span class="sr-only">{text}</span> }}
        />
      </label>
      <select id={selectId} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
        {Array.from({ length: groupCount }, (_, i) => (
          <option key={`g${i + 1}`} value={String(i)}>
            {i === current
              ? t('rounds.groups.group-now', { number: i + 1 })
              : t('rounds.groups.group', { number: i + 1 })}
          </option>
        ))}
        <option value="new">{t('rounds.groups.new')}</option>
      </select>
      <button
        type="button"
        class="secondary"
        aria-label={t('rounds.groups.move-name', { name })}
        disabled={busy || choice === String(current)}
        onClick={async () => {
          setBusy(true);
          await onMove(personId, choice === 'new' ? 'new' : Number(choice));
          setBusy(false);
        }}
      >
        {t('rounds.groups.move')}
      </button>
    </li>
  );
}
