import { useEffect, useState } from 'preact/hooks';
import { type FinishedRoundPictures, getFinishedRoundPictures } from '../api';
import { HostNotices } from '../components/host-notices';
import { LoadState } from '../components/notice-line';
import { formatDate } from '../time';

type FinishedRound = FinishedRoundPictures['items'][number];

const FOCUS_NAMES: Record<FinishedRound['focus']['kind'], string> = {
  strategy: 'Strategy',
  tag: 'Tag',
  problem: 'Problem of practice',
};

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
        School picture
      </h1>
      <p class="lede">
        What the school saw in its finished rounds: the patterns each group named, its prediction and next
        level of work, and the patterns of evidence across the round’s visits, told in words (<em>few</em>,{' '}
        <em>some</em>, <em>many</em>, <em>most</em>). It describes the school, never one teacher.
      </p>
      <HostNotices token={token} />
      {picture && (
        <p class="threshold">
          Patterns of evidence appear once a round spans at least {picture.minVisits} visits in{' '}
          {picture.minHosts} different classrooms, so nothing points to one teacher.
        </p>
      )}
      <LoadState error={error} loaded={Boolean(picture)} />
      {picture && picture.items.length === 0 && (
        <div class="card">
          <p>No round has finished its debrief yet. The picture fills in as rounds are debriefed.</p>
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
      <p class="meta">
        <span>{formatDate(round.date)}</span>
        <span>
          {FOCUS_NAMES[round.focus.kind]}: {round.focus.value}
        </span>
      </p>
      {round.evidence ? (
        <table class="share-chart">
          <caption class="sr-only">Patterns of evidence in {round.title}</caption>
          <thead>
            <tr>
              <th scope="col">Pattern of evidence</th>
              <th scope="col">Visits showing it</th>
            </tr>
          </thead>
          <tbody>
            {round.evidence.map((t) => (
              <tr key={t.theme}>
                <th scope="row">{t.label}</th>
                <td>
                  <span class="share-word">{t.share}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hint">Too few visits or classrooms in this round to show patterns of evidence.</p>
      )}
      {round.patterns.length > 0 && (
        <>
          <h3>Patterns the group named</h3>
          <ul>
            {round.patterns.map((p) => (
              <li key={p.name}>
                {p.name} ({p.cards} {p.cards === 1 ? 'card' : 'cards'})
              </li>
            ))}
          </ul>
        </>
      )}
      {round.prediction && (
        <>
          <h3>Prediction</h3>
          <p>{round.prediction}</p>
        </>
      )}
      {round.nextLevel && (
        <>
          <h3>Next level of work</h3>
          <p>{round.nextLevel}</p>
        </>
      )}
    </section>
  );
}
