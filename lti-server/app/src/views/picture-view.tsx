import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../shared/i18n';
import { SHARE_WORDS, type ShareWord } from '../../../../shared/notes';
import { downloadPictureCsv, getPicture, type Picture } from '../api';
import { LoadState } from '../components/notice-line';
import { RetentionPanel } from '../components/retention-panel';
import { Trans } from '../components/trans';
import { saveBlob } from '../download';
import { formatDate } from '../time';

type By = Picture['by'];
type Group = Picture['groups'][number];
type RoundSummary = Picture['rounds'][number];

export const FOCUS_NAMES: Record<RoundSummary['focus']['kind'], MessageKey> = {
  strategy: 'picture.focus.strategy',
  tag: 'picture.focus.tag',
  problem: 'picture.focus.problem',
};

const GROUPINGS: Array<{ by: By; label: MessageKey }> = [
  { by: 'tag', label: 'picture.by.tag' },
  { by: 'strategy', label: 'picture.by.strategy' },
];

export const SHARE_KEYS: Record<ShareWord, MessageKey> = {
  few: 'picture.share.few',
  some: 'picture.share.some',
  many: 'picture.share.many',
  most: 'picture.share.most',
};

/** The patterns of shared/evidence-themes.ts by id; a theme added there and not here shows the server's label. */
export const THEME_KEYS: Record<string, MessageKey> = {
  'student-talk': 'picture.theme.student-talk',
  collaboration: 'picture.theme.collaboration',
  questioning: 'picture.theme.questioning',
  'thinking-time': 'picture.theme.thinking-time',
  writing: 'picture.theme.writing',
  'evidence-use': 'picture.theme.evidence-use',
  feedback: 'picture.theme.feedback',
  routines: 'picture.theme.routines',
  movement: 'picture.theme.movement',
};

const groupTitle = (g: Group) =>
  g.kind === 'school'
    ? t('picture.school')
    : t(g.kind === 'tag' ? 'picture.group.tag' : 'picture.group.strategy', { label: g.label });

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
        {t('app.nav.picture')}
      </h1>
      <p class="lede">
        <Trans text={t('picture.lede')} parts={{ em: (text) => <em>{text}</em> }} />
      </p>
      <fieldset class="grouping no-print">
        <legend>{t('picture.group-by')}</legend>
        {GROUPINGS.map((g) => (
          <div class="check" key={g.by}>
            <input
              type="radio"
              id={`picture-by-${g.by}`}
              name="picture-by"
              checked={by === g.by}
              onChange={() => setBy(g.by)}
            />
            <label for={`picture-by-${g.by}`}>{t(g.label)}</label>
          </div>
        ))}
      </fieldset>
      {picture && (
        <p class="threshold">
          {t('picture.threshold', { visits: picture.minVisits, hosts: picture.minHosts })}{' '}
          {withheld === 0 ? t('picture.withheld.none') : t('picture.withheld', { count: withheld })}
        </p>
      )}
      <div class="actions no-print">
        <button type="button" class="secondary" onClick={download}>
          {t('menu.csv.button')}
        </button>
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('picture.print')}
        </button>
      </div>
      {downloadError && <p role="alert">{downloadError}</p>}
      <p class="sr-only" role="status" aria-live="polite">
        {picture
          ? t(by === 'tag' ? 'picture.shown.tag' : 'picture.shown.strategy', { count: groups.length })
          : ''}
      </p>
      <LoadState error={error} loaded={Boolean(picture)} />
      {picture && groups.length === 0 && (
        <div class="card">
          <p>{t('picture.empty')}</p>
        </div>
      )}
      {groups.map((g, i) => (
        <GroupChart key={`${g.kind}-${g.label}`} group={g} index={i} />
      ))}
      {picture && picture.rounds.length > 0 && (
        <section aria-labelledby="debriefs-h">
          <h2 id="debriefs-h">{t('picture.debriefs')}</h2>
          <p class="hint">{t('picture.debriefs.hint')}</p>
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
            <th scope="col">{t('picture.pattern')}</th>
            <th scope="col">{t('picture.visits-showing')}</th>
          </tr>
        </thead>
        <tbody>
          {group.themes.map((theme) => (
            <tr key={theme.theme}>
              <th scope="row">{THEME_KEYS[theme.theme] ? t(THEME_KEYS[theme.theme]!) : theme.label}</th>
              <td>
                <span class="share-word">{t(SHARE_KEYS[theme.share])}</span>
                <ShareBar share={theme.share} />
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
      <RoundMeta round={round} />
      <DebriefFindings round={round} heading="h4" patternsLabel={t('picture.patterns')} />
    </section>
  );
}

/** A finished round's date and focus, under its title, in both pictures. */
export function RoundMeta({ round }: { round: Pick<RoundSummary, 'date' | 'focus'> }) {
  return (
    <p class="meta">
      <span>{formatDate(round.date)}</span>
      <span>{t('picture.focus', { kind: t(FOCUS_NAMES[round.focus.kind]), value: round.focus.value })}</span>
    </p>
  );
}

/** What a finished debrief found — its patterns, prediction and next level of work — in the coaches' picture and the
 * teachers' picture of finished rounds alike. */
export function DebriefFindings({
  round,
  heading: H,
  patternsLabel,
}: {
  round: {
    patterns: ReadonlyArray<{ name: string; cards: number }>;
    prediction: string | null;
    nextLevel: string | null;
  };
  heading: 'h3' | 'h4';
  patternsLabel: string;
}) {
  return (
    <>
      {round.patterns.length > 0 && (
        <>
          <H>{patternsLabel}</H>
          <ul>
            {round.patterns.map((p) => (
              <li key={p.name}>{t('picture.pattern-cards', { name: p.name, count: p.cards })}</li>
            ))}
          </ul>
        </>
      )}
      {round.prediction && (
        <>
          <H>{t('picture.prediction')}</H>
          <p>{round.prediction}</p>
        </>
      )}
      {round.nextLevel && (
        <>
          <H>{t('picture.next-level')}</H>
          <p>{round.nextLevel}</p>
        </>
      )}
    </>
  );
}
