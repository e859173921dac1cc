import { useEffect, useState } from 'preact/hooks';
import { formatList, t } from '../../../../shared/i18n';
import type { CurationAction, Strategy } from '../../../../shared/strategy';
import { curate, deleteTry, duplicates, getStrategy, merge, putTry, type StrategyDetail } from '../api';
import { InsertPanel } from '../components/insert-panel';
import { StatusBadge } from '../components/status-badge';
import { StrategyDoors } from '../components/strategy-doors';
import { reviewQueueChanged } from '../hooks/use-review-count';
import { href } from '../router';
import { readPick } from '../session';
import { formatDate } from '../time';

/** One strategy: steps, source, who offers it, "I'll try it", and the coach's curation tools. */
export function StrategyView({
  token,
  id,
  isCoach,
  personId,
}: {
  token: string;
  id: string;
  isCoach: boolean;
  personId: string;
}) {
  const [s, setS] = useState<StrategyDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    getStrategy(token, id).then((r) => (r.ok ? setS(r.data) : setError(r.message)));
  }, [token, id, version]);

  if (error) {
    return (
      <div class="card" role="alert">
        <h1>{t('strategy.unavailable')}</h1>
        <p>{error}</p>
        <a href={href({ name: 'menu' })}>{t('strategy.back-to-menu')}</a>
      </div>
    );
  }
  if (!s) return <p>{t('common.loading')}</p>;
  const reload = (text: string) => {
    setNotice(text);
    setVersion(version + 1);
    reviewQueueChanged();
  };
  const mine = s.contributors.some((c) => c.id === personId);
  const pick = readPick(window.sessionStorage);
  const onMenu = s.status === 'approved' || s.status === 'featured';

  return (
    <article aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'menu' })}>{t('strategy.back')}</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {s.title}
      </h1>
      <p class="lede">{s.purpose}</p>
      <p class="meta">
        <span>{t('strategy.minutes-short', { count: s.minutes })}</span>
        <span>{s.subject}</span>
        <span>{t('strategy.grades', { band: s.gradeBand })}</span>
        <StatusBadge status={s.displayStatus} />
      </p>
      <p role="status" aria-live="polite" class={notice ? 'notice' : 'sr-only'}>
        {notice}
      </p>
      {s.changeRequest && (mine || isCoach) && (
        <div class="card attention">
          <h2>{t('strategy.change-request')}</h2>
          <p>{s.changeRequest.message}</p>
          {mine && <a href={href({ name: 'edit', id: s.id })}>{t('strategy.revise')}</a>}
        </div>
      )}
      <section class="card" aria-labelledby="steps-h">
        <h2 id="steps-h">{t('strategy.steps')}</h2>
        <ol>
          {s.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </section>
      {s.excerptHtml && (
        <section class="card" aria-labelledby="excerpt-h">
          <h2 id="excerpt-h">{t('strategy.excerpt')}</h2>
          {/* Sanitized on the server with an allow-list (lti-server/src/domain/sanitize.ts). */}
          <div class="excerpt" dangerouslySetInnerHTML={{ __html: s.excerptHtml }} />
        </section>
      )}
      <section class="card" aria-labelledby="who-h">
        <h2 id="who-h">{t('strategy.who')}</h2>
        <p>{formatList(s.contributors.map((c) => c.name))}</p>
        {s.source && (
          <p>
            {t('strategy.source')}{' '}
            <a href={s.source.url} target="_blank" rel="noopener noreferrer">
              {s.source.title || s.source.url}
            </a>
          </p>
        )}
        {s.tags.length > 0 && <p>{t('strategy.tag-list', { tags: formatList(s.tags) })}</p>}
        {s.editedByCoach && (
          <p data-testid="edited-by-coach">
            {t('strategy.edited-by-coach', { date: formatDate(s.editedByCoach.at.slice(0, 10)) })}
          </p>
        )}
        {((mine && s.status === 'pending') || isCoach) && (
          <a href={href({ name: 'edit', id: s.id })}>{t('strategy.edit')}</a>
        )}
      </section>
      {s.trying && (
        <section class="card" aria-labelledby="trying-h">
          <h2 id="trying-h">{t('strategy.trying.title')}</h2>
          <p data-testid="trying-count">
            {t('strategy.trying.counts', { trying: s.trying.trying, tried: s.trying.tried })}
          </p>
          {s.trying.sharedReflections.map((r) => (
            <blockquote key={r.at}>
              {r.reflection} <cite>— {r.name}</cite>
            </blockquote>
          ))}
        </section>
      )}
      {onMenu && pick && <InsertPanel token={token} pick={pick} strategyId={s.id} />}
      {onMenu && <TryPanel token={token} s={s} onChange={reload} />}
      {onMenu && <StrategyDoors token={token} strategyId={s.id} contributor={mine} />}
      {isCoach && <CoachPanel key={s.id} token={token} s={s} onChange={reload} />}
    </article>
  );
}

function TryPanel({
  token,
  s,
  onChange,
}: {
  token: string;
  s: StrategyDetail;
  onChange: (notice: string) => void;
}) {
  const [reflection, setReflection] = useState(s.myTry?.reflection ?? '');
  const [share, setShare] = useState(s.myTry?.shareWithContributor ?? false);
  const [error, setError] = useState('');
  const act = async (p: Promise<{ ok: boolean; message?: string }>, notice: string) => {
    const r = await p;
    if (r.ok) onChange(notice);
    else setError(r.message ?? t('common.failed'));
  };
  return (
    <section class="card" aria-labelledby="try-h">
      <h2 id="try-h">{t('strategy.try.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {!s.myTry && (
        <button
          type="button"
          onClick={() => act(putTry(token, s.id, { state: 'trying' }), t('strategy.try.added'))}
        >
          {t('strategy.try.start')}
        </button>
      )}
      {s.myTry?.state === 'trying' && <p>{t('strategy.try.trying')}</p>}
      {s.myTry?.state === 'tried' && <p>{t('strategy.try.tried')}</p>}
      {s.myTry && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(
              putTry(token, s.id, { state: 'tried', reflection, shareWithContributor: share }),
              t('strategy.try.saved'),
            );
          }}
        >
          <div class="field">
            <label for="reflection">{t('strategy.try.reflection')}</label>
            <textarea
              id="reflection"
              rows={3}
              maxLength={2000}
              value={reflection}
              onInput={(e) => setReflection((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          <div class="check">
            <input
              id="share"
              type="checkbox"
              checked={share}
              onChange={(e) => setShare((e.target as HTMLInputElement).checked)}
            />
            <label for="share">{t('strategy.try.share')}</label>
          </div>
          <button type="submit">{t('strategy.try.done')}</button>{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => act(deleteTry(token, s.id), t('strategy.try.removed'))}
          >
            {t('strategy.try.stop')}
          </button>
        </form>
      )}
    </section>
  );
}

function CoachPanel({
  token,
  s,
  onChange,
}: {
  token: string;
  s: StrategyDetail;
  onChange: (notice: string) => void;
}) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [dups, setDups] = useState<Strategy[] | null>(null);
  // A strategy waiting in the queue shows its look-alikes at once; others when the coach asks.
  const [lookForDups, setLookForDups] = useState(s.status === 'pending' ? 1 : 0);
  const act = async (action: CurationAction, notice: string, text?: string) => {
    const r = await curate(token, s.id, action, text);
    if (r.ok) onChange(notice);
    else setError(r.message);
  };
  // Read again whenever the strategy was reloaded (after a merge the merged one is gone from the list).
  useEffect(() => {
    if (!lookForDups || s.mergedInto) return;
    let live = true;
    duplicates(token, s.id).then((r) => {
      if (!live) return;
      if (r.ok) setDups(r.data.items);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [token, s, lookForDups]);
  if (s.mergedInto) return null;
  const retired = s.status === 'retired';
  return (
    <section class="card" aria-labelledby="coach-h">
      <h2 id="coach-h">{t('strategy.curate.title')}</h2>
      {error && <p role="alert">{error}</p>}
      <div class="actions">
        {s.status === 'pending' && (
          <button type="button" onClick={() => act('approve', t('strategy.curate.approved'))}>
            {t('strategy.curate.approve')}
          </button>
        )}
        {(s.status === 'pending' || s.status === 'approved') && (
          <button type="button" onClick={() => act('feature', t('strategy.curate.featured'))}>
            {t('strategy.curate.feature')}
          </button>
        )}
        {s.status === 'featured' && (
          <button
            type="button"
            class="secondary"
            onClick={() => act('unfeature', t('strategy.curate.unfeatured'))}
          >
            {t('strategy.curate.unfeature')}
          </button>
        )}
        {!retired ? (
          <button type="button" class="secondary" onClick={() => act('retire', t('strategy.curate.retired'))}>
            {t('strategy.curate.retire')}
          </button>
        ) : (
          <button
            type="button"
            class="secondary"
            onClick={() => act('restore', t('strategy.curate.restored'))}
          >
            {t('strategy.curate.restore')}
          </button>
        )}
      </div>
      {!retired && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act('request-changes', t('strategy.curate.requested'), message);
          }}
        >
          <div class="field">
            <label for="change-message">{t('strategy.curate.ask')}</label>
            <textarea
              id="change-message"
              rows={2}
              maxLength={1000}
              value={message}
              onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          <button type="submit" class="secondary">
            {t('strategy.curate.request')}
          </button>
        </form>
      )}
      <div>
        <button type="button" class="secondary" onClick={() => setLookForDups(lookForDups + 1)}>
          {t('strategy.curate.find-duplicates')}
        </button>
        {dups && dups.length === 0 && <p role="status">{t('strategy.curate.no-duplicates')}</p>}
        {dups && dups.length > 0 && (
          <ul class="plain" aria-label={t('strategy.curate.duplicates')}>
            {dups.map((d) => (
              <li key={d.id}>
                <a href={href({ name: 'strategy', id: d.id })}>{d.title}</a>{' '}
                {t('strategy.curate.by', { names: formatList(d.contributors.map((c) => c.name)) })}{' '}
                <button
                  type="button"
                  class="secondary"
                  onClick={async () => {
                    const r = await merge(token, d.id, s.id);
                    if (r.ok) onChange(t('strategy.curate.merged', { title: d.title }));
                    else setError(r.message);
                  }}
                >
                  {t('strategy.curate.merge')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
