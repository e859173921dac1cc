import { useEffect, useState } from 'preact/hooks';
import { currentLanguage, type MessageKey, t } from '../../../../shared/i18n';
import { wireProblemText } from '../../../../shared/problems';
import {
  dismissRoundNotice,
  getBriefing,
  listRoundNotices,
  listRounds,
  type Round,
  type RoundNotice,
} from '../api';
import { ConfirmAction } from '../components/confirm';
import { LoadState } from '../components/notice-line';
import { RoundDeclines } from '../components/round/round-declines';
import { RoundGroups } from '../components/round/round-groups';
import { RoundRotation } from '../components/round/round-rotation';
import { Trans } from '../components/trans';
import { takeFlash } from '../flash';
import { useRound } from '../hooks/use-round';
import { href } from '../router';
import { formatClock, formatFullDay, formatInstantDay, formatTime, viewerZone } from '../time';

const FOCUS_NAMES: Record<Round['focus']['kind'], MessageKey> = {
  strategy: 'picture.focus.strategy',
  tag: 'picture.focus.tag',
  problem: 'picture.focus.problem',
};

/** The coach's rounds: drafts and published ones. */
export function RoundsList({ token }: { token: string }) {
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [error, setError] = useState('');
  const [flash] = useState(takeFlash);

  useEffect(() => {
    listRounds(token).then((r) => (r.ok ? setRounds(r.data.items) : setError(r.message)));
  }, [token]);

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('rounds.title')}
      </h1>
      <p class="lede">{t('rounds.lede')}</p>
      {flash && (
        <p role="status" class="notice">
          {flash}
        </p>
      )}
      <RoundNotices token={token} />
      <p class="actions">
        <a href={href({ name: 'round-new' })}>{t('rounds.new')}</a>
      </p>
      <LoadState error={error} loaded={Boolean(rounds)} />
      {rounds && rounds.length === 0 && (
        <p class="card">
          <Trans
            text={t('rounds.empty')}
            parts={{ new: (text) => <a href={href({ name: 'round-new' })}>{text}</a> }}
          />
        </p>
      )}
      {rounds && rounds.length > 0 && (
        <ul class="doors">
          {rounds.map((r) => (
            <li class="door" key={r.id}>
              <h2 class="item-title">
                <a href={href({ name: 'round', id: r.id })}>{r.title}</a>
              </h2>
              <p class="meta">
                <span>
                  {t('rounds.when', {
                    day: formatFullDay(r.date),
                    time: formatClock(r.start),
                    zone: r.timeZone,
                  })}
                </span>
                <span class={`badge badge-${r.status === 'published' ? 'approved' : 'pending'}`}>
                  {r.status === 'published' ? t('rounds.status.published') : t('rounds.status.draft')}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * "Needs your attention": round visits a participant canceled, so a group is one short, and slots a host declined,
 * with their reason and a link to re-plan. Participation logistics for the coach who planned the round; dismissed once
 * dealt with (a re-planned slot leaves the list by itself).
 */
function RoundNotices({ token, zone = viewerZone() }: { token: string; zone?: string }) {
  const [notices, setNotices] = useState<RoundNotice[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => {
    listRoundNotices(token).then((r) => r.ok && setNotices(r.data.items));
  }, [token]);
  async function dismiss(n: RoundNotice) {
    const r = await dismissRoundNotice(token, n.id);
    if (!r.ok) return setStatus(r.message);
    setNotices((list) => list.filter((x) => x.id !== n.id));
    setStatus(t('rounds.notices.dismissed'));
    document.getElementById('view-title')?.focus();
  }
  if (notices.length === 0) return status ? <p role="status">{status}</p> : null;
  return (
    <section class="card attention" aria-labelledby="notices-h">
      <h2 id="notices-h">{t('rounds.notices.title')}</h2>
      <ul>
        {notices.map((n) => {
          const when = { day: formatInstantDay(n.startsAt, zone), time: formatTime(n.startsAt, zone) };
          const round = {
            round: (text: string) => <a href={href({ name: 'round', id: n.round.id })}>{text}</a>,
          };
          return (
            <li key={n.id}>
              {n.kind === 'slot_declined' ? (
                <Trans
                  text={t('rounds.notices.declined', {
                    name: n.person.name,
                    ...when,
                    round: n.round.title,
                    reason: n.decline?.reason ?? '',
                  })}
                  parts={round}
                />
              ) : (
                <>
                  <Trans
                    text={t('rounds.notices.canceled', {
                      name: n.person.name,
                      host: n.host.name,
                      ...when,
                      round: n.round.title,
                    })}
                    parts={round}
                  />
                  {n.reason && <> {t('rounds.notices.reason', { reason: n.reason })}</>}
                </>
              )}{' '}
              <button type="button" class="secondary" onClick={() => dismiss(n)}>
                {t('rounds.notices.dismiss')}
                <span class="sr-only"> {t('rounds.notices.dismiss.about', { name: n.person.name })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status">{status}</p>
    </section>
  );
}

/** One round: its groups (movable while a draft), the rotation per time slot, publish and delete. */
export function RoundDetail({ token, id }: { token: string; id: string }) {
  const { round, error, problems, notice, noticeRef, problemsRef, nameOf, move, publish, remove, replanned } =
    useRound(token, id);

  if (error && !round) {
    return (
      <div class="card" role="alert">
        <h1 id="view-title" tabIndex={-1}>
          {t('rounds.unavailable')}
        </h1>
        <p>{error}</p>
        <a href={href({ name: 'rounds' })}>{t('rounds.back-to-list')}</a>
      </div>
    );
  }
  if (!round) return <p role="status">{t('common.loading')}</p>;

  const draft = round.status === 'draft';

  return (
    <article aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'rounds' })}>{t('rounds.back')}</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {round.title}
      </h1>
      <p class="meta">
        <span class={`badge badge-${draft ? 'pending' : 'approved'}`}>
          {draft ? t('rounds.status.draft') : t('rounds.status.published')}
        </span>
        <span>{t('rounds.starts', { day: formatFullDay(round.date), time: formatClock(round.start) })}</span>
        <span>{t('rounds.timing', { slot: round.slotMinutes, count: round.gapMinutes })}</span>
      </p>
      <dl class="plain-facts">
        <dt>{t(FOCUS_NAMES[round.focus.kind])}</dt>
        <dd>{round.focus.value}</dd>
        {round.lookFor && (
          <>
            <dt>{t('rounds.look-for')}</dt>
            <dd>{round.lookFor}</dd>
          </>
        )}
      </dl>
      {notice && (
        <p role="status" class="notice" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      )}
      {problems.length > 0 && (
        <div class="card attention" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>
            <strong>{draft ? t('rounds.problems.change') : t('rounds.problems.failed')}</strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {!draft && (
        <div class="card">
          <p>{t('rounds.published')}</p>
          <p>
            <Trans
              text={t('rounds.debrief')}
              parts={{ debrief: (text) => <a href={href({ name: 'debrief', id: round.id })}>{text}</a> }}
            />
          </p>
        </div>
      )}
      {draft && round.tradeoffs.length > 0 && (
        <section class="card" aria-labelledby="tradeoffs-h">
          <h2 id="tradeoffs-h">{t('rounds.tradeoffs.title')}</h2>
          <ul>
            {round.tradeoffs.map((tradeoff) => (
              <li key={tradeoff.message}>
                {wireProblemText(tradeoff.problem, currentLanguage()) ?? tradeoff.message}
              </li>
            ))}
          </ul>
          <p class="hint">{t('rounds.tradeoffs.hint')}</p>
        </section>
      )}
      <BriefingLink token={token} round={round} />
      <RoundDeclines token={token} round={round} nameOf={nameOf} onReplanned={replanned} />
      <RoundGroups round={round} nameOf={nameOf} onMove={move} />
      <RoundRotation round={round} nameOf={nameOf} />
      {draft && (
        <div class="actions">
          {round.tradeoffs.length > 0 ? (
            <ConfirmAction
              label={t('rounds.publish')}
              describedBy="tradeoffs-h"
              question={t('rounds.publish.question-tradeoffs', { count: round.tradeoffs.length })}
              confirmLabel={t('rounds.publish.confirm-tradeoffs')}
              cancelLabel={t('rounds.publish.not-yet')}
              onConfirm={publish}
            />
          ) : (
            <ConfirmAction
              label={t('rounds.publish')}
              question={t('rounds.publish.question')}
              confirmLabel={t('rounds.publish.confirm')}
              cancelLabel={t('rounds.publish.not-yet')}
              onConfirm={publish}
            />
          )}
          <ConfirmAction
            label={t('rounds.delete')}
            question={t('rounds.delete.question')}
            confirmLabel={t('rounds.delete.confirm')}
            onConfirm={remove}
          />
        </div>
      )}
    </article>
  );
}

/** The way to the round's briefing, with how many have read it once the round is published. */
function BriefingLink({ token, round }: { token: string; round: Round }) {
  const [reading, setReading] = useState<{ read: number; total: number } | null>(null);
  const published = round.status === 'published';
  useEffect(() => {
    if (!published) return;
    getBriefing(token, round.id).then((r) => r.ok && r.data.reading && setReading(r.data.reading));
  }, [token, round.id, published]);
  return (
    <p class="card">
      <Trans
        text={t('rounds.briefing')}
        parts={{ briefing: (text) => <a href={href({ name: 'briefing', id: round.id })}>{text}</a> }}
      />
      {!published && <> {t('rounds.briefing.unpublished')}</>}
      {published && reading && (
        <> {t('rounds.briefing.read', { count: reading.read, total: reading.total })}</>
      )}
    </p>
  );
}
