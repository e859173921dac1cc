import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { type FinishedRoundPictures, getFinishedRoundPictures } from '../api';
import { HostNotices } from '../components/host-notices';
import { LoadState } from '../components/notice-line';
import { Trans } from '../components/trans';
import { DebriefFindings, RoundMeta, SHARE_KEYS, THEME_KEYS } from './picture-view';

type FinishedRound = FinishedRoundPictures['items'][number];

/**
 * The school picture of finished rounds, for every teacher: what each round's group concluded, and the patterns of
 * evidence across its visits in words, once the round spans enough visits and classrooms. About the school, never one
 * teacher: no room, name or note can be read from it.
 */
export function FinishedRoundsView({ token }: { token: string }) {
  const [picture, setPicture] = useState<FinishedRoundPictures | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    getFinishedRoundPictures(token).then((r) => {
      if (!live) return;
      if (r.ok) setPicture(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <section class="picture" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('app.nav.picture')}
      </h1>
      <p class="lede">
        <Trans text={t('picture.rounds.lede')} parts={{ em: (text) => <em>{text}</em> }} />
      </p>
      <HostNotices token={token} />
      {picture && (
        <p class="threshold">
          {t('picture.rounds.threshold', { visits: picture.minVisits, hosts: picture.minHosts })}
        </p>
      )}
      <LoadState error={error} loaded={Boolean(picture)} />
      {picture && picture.items.length === 0 && (
        <div class="card">
          <p>{t('picture.rounds.empty')}</p>
        </div>
      )}
      {picture?.items.map((r, i) => (
        <FinishedRoundCard key={r.id} round={r} index={i} />
      ))}
    </section>
  );
}

function FinishedRoundCard({ round, index }: { round: FinishedRound; index: number }) {
  const headingId = `finished-round-${index}`;
  return (
    <section class="card picture-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{round.title}</h2>
      <RoundMeta round={round} />
      {round.evidence ? (
        <table class="share-chart">
          <caption class="sr-only">{t('picture.rounds.caption', { title: round.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('picture.pattern')}</th>
              <th scope="col">{t('picture.visits-showing')}</th>
            </tr>
          </thead>
          <tbody>
            {round.evidence.map((e) => (
              <tr key={e.theme}>
                <th scope="row">{THEME_KEYS[e.theme] ? t(THEME_KEYS[e.theme]!) : e.label}</th>
                <td>
                  <span class="share-word">{t(SHARE_KEYS[e.share])}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hint">{t('picture.rounds.too-few')}</p>
      )}
      <DebriefFindings round={round} heading="h3" patternsLabel={t('picture.rounds.patterns')} />
    </section>
  );
}
