import { t } from '../../../../../shared/i18n';
import { SHARE_WORDS } from '../../../../../shared/notes';
import type { CyclePicture } from '../../cycles-api';
import { formatDate } from '../../time';
import { SHARE_KEYS, THEME_KEYS } from '../../views/picture-view';

type Round = CyclePicture['rounds'][number];

const W = 180;
const H = 84;
const PAD = { right: 10, top: 8, bottom: 16 };
/** Room for the share words left of the chart: "most" needs less than "la mayoría" (9px text, about 5px a letter). */
const padLeft = (words: string[]) => Math.max(34, 8 + 5 * Math.max(...words.map((w) => w.length)));
/** Room between the share words and the first round's point. */
const INSET = 10;

const shareOf = (round: Round, theme: string) => round.shares?.find((s) => s.theme === theme)?.share ?? null;

/** One round's share of a theme in words ("some"), or that it is not shown. */
const shareWord = (round: Round, theme: string) => {
  const share = shareOf(round, theme);
  return share ? t(SHARE_KEYS[share]) : t('cycle.picture.not-shown');
};

/** The words a reader hears for one theme: each round's share, or that it is not shown. */
const spoken = (rounds: Round[], theme: string) =>
  rounds.map((r, i) => t('cycle.picture.spoken', { number: i + 1, share: shareWord(r, theme) })).join(', ');

/** A pattern's name in the interface's language; a theme unknown to the catalog keeps the server's label. */
const themeName = (theme: { id: string; label: string }) => {
  const key = THEME_KEYS[theme.id];
  return key ? t(key) : theme.label;
};

/**
 * The picture over time as small multiples: one small chart per pattern of evidence, the cycle's rounds left to
 * right, the share (few, some, many, most) bottom to top. Each chart is an image with its words spoken; the same
 * numbers are in the table below it. Rounds below the thresholds have no point: nothing of them is shown.
 */
export function PictureOverTime({ picture }: { picture: CyclePicture }) {
  const { rounds, themes } = picture;
  if (rounds.length === 0) return <p class="card">{t('cycle.picture.empty')}</p>;
  const words = SHARE_WORDS.map((w) => t(SHARE_KEYS[w]));
  const left = padLeft(words);
  const span = W - left - INSET - PAD.right;
  const step = rounds.length > 1 ? span / (rounds.length - 1) : 0;
  const x = (i: number) => left + INSET + (rounds.length > 1 ? i * step : span / 2);
  const y = (level: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (SHARE_WORDS.length - 1 - level)) / 3;
  return (
    <>
      <ul class="small-multiples plain">
        {themes.map((theme) => {
          const points = rounds.map((r, i) => {
            const share = shareOf(r, theme.id);
            return share ? { x: x(i), y: y(SHARE_WORDS.indexOf(share)) } : null;
          });
          // Lines join neighboring rounds that are both shown.
          const segments = points.flatMap((p, i) => {
            const next = points[i + 1];
            return p && next ? [`M${p.x},${p.y}L${next.x},${next.y}`] : [];
          });
          return (
            <li key={theme.id} class="multiple">
              <figure>
                <svg
                  viewBox={`0 0 ${W} ${H}`}
                  width={W}
                  height={H}
                  role="img"
                  aria-label={t('cycle.picture.chart', {
                    pattern: themeName(theme),
                    rounds: spoken(rounds, theme.id),
                  })}
                >
                  {words.map((w, level) => (
                    <g key={SHARE_WORDS[level]}>
                      <line class="grid" x1={left} x2={W - PAD.right} y1={y(level)} y2={y(level)} />
                      <text class="axis" x={left - 4} y={y(level) + 3} text-anchor="end">
                        {w}
                      </text>
                    </g>
                  ))}
                  {rounds.map((r, i) => (
                    <text key={r.id} class="axis" x={x(i)} y={H - 3} text-anchor="middle">
                      {i + 1}
                    </text>
                  ))}
                  {segments.length > 0 && <path class="trend" d={segments.join('')} />}
                  {points.map((p, i) =>
                    p ? <circle key={rounds[i]!.id} class="point" cx={p.x} cy={p.y} r={4} /> : null,
                  )}
                </svg>
                <figcaption>{themeName(theme)}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
      <div class="table-scroll">
        <table class="share-chart">
          <caption>{t('cycle.picture.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cycle.picture.pattern')}</th>
              {rounds.map((r, i) => (
                <th scope="col" key={r.id}>
                  {t('cycle.picture.round', { number: i + 1, title: r.title, date: formatDate(r.date) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.id}>
                <th scope="row">{themeName(theme)}</th>
                {rounds.map((r) => (
                  <td key={r.id}>{shareWord(r, theme.id)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
