import { useEffect, useState } from 'preact/hooks';
import { SHARE_WORDS, type ShareWord } from '../../../../shared/notes';
import { downloadPictureCsv, getPicture, type Picture } from '../api';
import { LoadState } from '../components/notice-line';
import { RetentionPanel } from '../components/retention-panel';
import { saveBlob } from '../download';
import { formatDate } from '../time';

type By = Picture['by'];
type Group = Picture['groups'][number];
type RoundSummary = Picture['rounds'][number];

const FOCUS_NAMES: Record<RoundSummary['focus']['kind'], string> = {
  strategy: 'Strategy',
  tag: 'Tag',
  problem: 'Problem of practice',
};

const GROUPINGS: Array<{ by: By; label: string }> = [
  { by: 'tag', label: 'By tag' },
  { by: 'strategy', label: 'By strategy' },
];

const groupTitle = (g: Group) =>
  g.kind === 'school' ? g.label : g.kind === 'tag' ? `Tag: ${g.label}` : `Strategy: ${g.label}`;

/**
 * The school picture (coaches): for the whole school and for each tag or strategy that spans enough visits and
 * classrooms, which patterns of evidence the notes show, in words (few, some, many, most). No per-teacher axis.
 */
export function PictureView({ token }: { token: string }) {
  const [by, setBy] = useState<By>('tag');
  const [picture, setPicture] = useState<Picture | null>(null);
  const [error, setError] = useState('');
  const [downloadError, setDownloadError] = useState('');

  useEffect(() => {
    let live = true;
    setPicture(null);
    getPicture(token, by).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPicture(r.data);
        setError('');
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [token, by]);

  async function download() {
    const r = await downloadPictureCsv(token, by);
    if (!r.ok) return setDownloadError(r.message);
    setDownloadError('');
    saveBlob(r.data, `school-picture-by-${by}.csv`);
  }

  // The whole school first, then the groups in the server's order.
  const groups = picture
    ? [
        ...picture.groups.filter((g) => g.kind === 'school'),
        ...picture.groups.filter((g) => g.kind !== 'school'),
      ]
    : [];
  const withheld = picture?.withheld ?? 0;

  return (
    <section class="picture" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        School picture
      </h1>
      <p class="lede">
        Patterns of evidence from everyone’s visit notes, told in words: in <em>few</em>, <em>some</em>,{' '}
        <em>many</em> or <em>most</em> visits. It describes the school, never one teacher: no note, name or
        classroom can be read from it.
      </p>
      <fieldset class="grouping no-print">
        <legend>Group the picture</legend>
        {GROUPINGS.map((g) => (
          <div class="check" key={g.by}>
            <input
              type="radio"
              id={`picture-by-${g.by}`}
              name="picture-by"
              checked={by === g.by}
              onChange={() => setBy(g.by)}
            />
            <label for={`picture-by-${g.by}`}>{g.label}</label>
          </div>
        ))}
      </fieldset>
      {picture && (
        <p class="threshold">
          A group appears once it spans at least {picture.minVisits} visits in {picture.minHosts} different
          classrooms, so nothing points to one teacher.{' '}
          {withheld === 0
            ? 'No group is waiting below that line.'
            : `${withheld} ${withheld === 1 ? 'group is' : 'groups are'} still below it and not shown.`}
        </p>
      )}
      <div class="actions no-print">
        <button type="button" class="secondary" onClick={download}>
          Download CSV
        </button>
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {downloadError && <p role="alert">{downloadError}</p>}
      <p class="sr-only" role="status" aria-live="polite">
        {picture
          ? `${groups.length} ${groups.length === 1 ? 'group' : 'groups'} shown, ${by === 'tag' ? 'by tag' : 'by strategy'}`
          : ''}
      </p>
      <LoadState error={error} loaded={Boolean(picture)} />
      {picture && groups.length === 0 && (
        <div class="card">
          <p>
            No group has reached the threshold yet, so there is no picture to show. It fills in as colleagues
            visit more classrooms and write notes.
          </p>
        </div>
      )}
      {groups.map((g, i) => (
        <GroupChart key={`${g.kind}-${g.label}`} group={g} index={i} />
      ))}
      {picture && picture.rounds.length > 0 && (
        <section aria-labelledby="debriefs-h">
          <h2 id="debriefs-h">Finished debriefs</h2>
          <p class="hint">
            In each round group’s own words: the patterns they named, their prediction and next level of work.
          </p>
          {picture.rounds.map((r, i) => (
            <RoundDebrief key={`${r.title}-${r.date}`} round={r} index={i} />
          ))}
        </section>
      )}
      <RetentionPanel token={token} />
    </section>
  );
}

/** One group's patterns as a table: the word is the content; the bar of 1–4 segments repeats it visually. */
function GroupChart({ group, index }: { group: Group; index: number }) {
  const headingId = `picture-group-${index}`;
  return (
    <section class="card picture-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{groupTitle(group)}</h2>
      <table class="share-chart">
        <thead>
          <tr>
            <th scope="col">Pattern of evidence</th>
            <th scope="col">Visits showing it</th>
          </tr>
        </thead>
        <tbody>
          {group.themes.map((t) => (
            <tr key={t.theme}>
              <th scope="row">{t.label}</th>
              <td>
                <span class="share-word">{t.share}</span>
                <ShareBar share={t.share} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ShareBar({ share }: { share: ShareWord }) {
  const filled = SHARE_WORDS.indexOf(share) + 1;
  return (
    <span class="share-bar" aria-hidden="true">
      {SHARE_WORDS.map((w, i) => (
        <span key={w} class={i < filled ? 'seg on' : 'seg'} />
      ))}
    </span>
  );
}

function RoundDebrief({ round, index }: { round: RoundSummary; index: number }) {
  const headingId = `picture-round-${index}`;
  return (
    <section class="card picture-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{round.title}</h3>
      <p class="meta">
        <span>{formatDate(round.date)}</span>
        <span>
          {FOCUS_NAMES[round.focus.kind]}: {round.focus.value}
        </span>
      </p>
      {round.patterns.length > 0 && (
        <>
          <h4>Patterns</h4>
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
          <h4>Prediction</h4>
          <p>{round.prediction}</p>
        </>
      )}
      {round.nextLevel && (
        <>
          <h4>Next level of work</h4>
          <p>{round.nextLevel}</p>
        </>
      )}
    </section>
  );
}
