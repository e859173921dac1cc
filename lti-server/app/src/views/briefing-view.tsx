import { ROLE_NAMES } from '../../../../shared/round-briefing';
import type { Briefing } from '../api';
import { NoticeLine } from '../components/notice-line';
import { BriefingReaders, BriefingWordsForm, RolesForm } from '../components/round/briefing-editor';
import { BriefingSheet } from '../components/round/briefing-sheet';
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
    ? { to: href({ name: 'round', id: roundId }), label: '← The round' }
    : { to: href({ name: 'visits' }), label: '← My visits' };

  if (!briefing)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          Round briefing
        </h1>
        {error ? (
          <div class="card" role="alert">
            <p>{error}</p>
            <p>
              <a href={back.to}>{back.label}</a>
            </p>
          </div>
        ) : (
          <p role="status">Loading…</p>
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
        Briefing: {b.title}
      </h1>
      <NoticeLine notice={notice} />
      {b.status === 'draft' && (
        <p class="card no-print">
          This round is a draft: its participants and hosts see the briefing once you publish it.
        </p>
      )}
      {b.me.inRound && b.status === 'published' && (
        <Acknowledgement briefing={b} busy={busy} onAcknowledge={acknowledge} />
      )}
      {b.me.group !== null && <YourPart briefing={b} />}
      <BriefingSheet briefing={b} zone={zone} />
      <p class="actions no-print">
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print on one page
        </button>
        {b.me.group !== null && b.status === 'published' && (
          <a href={href({ name: 'clock', id: roundId })}>Group clock for the day</a>
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
  const roles = briefing.me.roles.map((r) => ROLE_NAMES[r].toLowerCase());
  return (
    <p class="card your-part">
      You are in <strong>group {briefing.me.group}</strong>
      {roles.length > 0 ? (
        <>
          {' '}
          and its <strong>{roles.join(' and ')}</strong>.
        </>
      ) : (
        '.'
      )}
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
  if (acknowledgedAt && current)
    return <p class="notice no-print">You have read this briefing. Thank you.</p>;
  return (
    <section class="card attention no-print" aria-labelledby="ack-h">
      <h2 id="ack-h">{acknowledgedAt ? 'The briefing changed since you read it' : 'Before the round'}</h2>
      <p>
        Read the briefing below, then say so. The coach sees who has read it, so they can remind people before
        the round; nothing else is recorded.
      </p>
      <button type="button" disabled={busy} onClick={onAcknowledge}>
        {acknowledgedAt ? 'I have read the new version' : 'I have read the briefing'}
      </button>
    </section>
  );
}
