import { t } from '../../../../shared/i18n';
import type { Briefing } from '../api';
import { NoticeLine } from '../components/notice-line';
import { BriefingReaders, BriefingWordsForm, RolesForm } from '../components/round/briefing-editor';
import { BriefingSheet, roleNames } from '../components/round/briefing-sheet';
import { Trans } from '../components/trans';
import { useBriefing } from '../hooks/use-briefing';
import { href } from '../router';
import { viewerZone } from '../time';

/**
 * A round's briefing: participants and hosts read it before the round, acknowledge it with one click and print it on
 * one page; the coach writes it, changes the roles and sees who has read it.
 */
export function BriefingView({
  token,
  roundId,
  isCoach,
  zone = viewerZone(),
}: {
  token: string;
  roundId: string;
  isCoach: boolean;
  zone?: string;
}) {
  const { briefing, error, notice, problems, busy, acknowledge, saveWords, saveRoles } = useBriefing(
    token,
    roundId,
  );
  const back = isCoach
    ? { to: href({ name: 'round', id: roundId }), label: t('briefing.back.round') }
    : { to: href({ name: 'visits' }), label: t('note.back') };

  if (!briefing)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          {t('visits.briefing')}
        </h1>
        {error ? (
          <div class="card" role="alert">
            <p>{error}</p>
            <p>
              <a href={back.to}>{back.label}</a>
            </p>
          </div>
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </section>
    );

  const b = briefing;
  return (
    <article class="briefing" aria-labelledby="view-title">
      <p class="no-print">
        <a href={back.to}>{back.label}</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {t('briefing.title', { title: b.title })}
      </h1>
      <NoticeLine notice={notice} />
      {b.status === 'draft' && <p class="card no-print">{t('briefing.draft')}</p>}
      {b.me.inRound && b.status === 'published' && (
        <Acknowledgement briefing={b} busy={busy} onAcknowledge={acknowledge} />
      )}
      {b.me.group !== null && <YourPart briefing={b} />}
      <BriefingSheet briefing={b} zone={zone} />
      <p class="actions no-print">
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('briefing.print')}
        </button>
        {b.me.group !== null && b.status === 'published' && (
          <a href={href({ name: 'clock', id: roundId })}>{t('briefing.clock')}</a>
        )}
      </p>
      {b.reading && <BriefingReaders reading={b.reading} />}
      {b.canEdit && (
        <>
          <BriefingWordsForm briefing={b} problems={problems} busy={busy} onSave={saveWords} />
          <RolesForm briefing={b} busy={busy} onSave={saveRoles} />
        </>
      )}
    </article>
  );
}

function YourPart({ briefing }: { briefing: Briefing }) {
  const { group, roles } = briefing.me;
  return (
    <p class="card your-part">
      <Trans
        text={
          roles.length > 0
            ? t('briefing.your-part.roles', { group: group ?? '', roles: roleNames(roles) })
            : t('briefing.your-part', { group: group ?? '' })
        }
        parts={{ strong: (text) => <strong>{text}</strong> }}
      />
    </p>
  );
}

/** One click to say it was read; asked again when the words changed after that. */
function Acknowledgement({
  briefing,
  busy,
  onAcknowledge,
}: {
  briefing: Briefing;
  busy: boolean;
  onAcknowledge: () => Promise<boolean>;
}) {
  const { acknowledgedAt, current } = briefing.me;
  if (acknowledgedAt && current) return <p class="notice no-print">{t('briefing.ack.done')}</p>;
  return (
    <section class="card attention no-print" aria-labelledby="ack-h">
      <h2 id="ack-h">{t(acknowledgedAt ? 'briefing.ack.changed' : 'briefing.ack.title')}</h2>
      <p>{t('briefing.ack.body')}</p>
      <button type="button" disabled={busy} onClick={onAcknowledge}>
        {t(acknowledgedAt ? 'briefing.ack.again' : 'briefing.ack.button')}
      </button>
    </section>
  );
}
