import { SHARE_WORDS } from '../../../../../shared/notes';
import type { CyclePicture } from '../../cycles-api';
import { formatDate } from '../../time';

type Round = CyclePicture['rounds'][number];

const W = 180;
const H = 84;
const PAD = { left: 34, right: 10, top: 8, bottom: 16 };
/** Room between the share words and the first round's point. */
const INSET = 10;

const shareOf = (round: Round, theme: string) => round.shares?.find((s) => s.theme === theme)?.share ?? null;

/** The words a reader hears for one theme: each round's share, or that it is not shown. */
const spoken = (rounds: Round[], theme: string) =>
  rounds.map((r, i) => `round ${i + 1}: ${shareOf(r, theme) ?? 'not shown'}`).join(', ');

/**
 * The picture over time as small multiples: one small chart per pattern of evidence, the cycle's rounds left to
 * right, the share (few, some, many, most) bottom to top. Each chart is an image with its words spoken; the same
 * numbers are in the table below it. Rounds below the thresholds have no point: nothing of them is shown.
 */
export function PictureOverTime({ picture }: { picture: CyclePicture }) {
  const { rounds, themes } = picture;
  if (rounds.length === 0)
    return (
      <p class="card">
        No round of this cycle is in the picture yet. Rounds appear here once they are published (for
        teachers, once their debrief is finished).
      </p>
    );
  const span = W - PAD.left - INSET - PAD.right;
  const step = rounds.length > 1 ? span / (rounds.length - 1) : 0;
  const x = (i: number) => PAD.left + INSET + (rounds.length > 1 ? i * step : span / 2);
  const y = (level: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (SHARE_WORDS.length - 1 - level)) / 3;
  return (
    <>
      <ul class="small-multiples plain">
        {themes.map((t) => {
          const points = rounds.map((r, i) => {
            const share = shareOf(r, t.id);
            return share ? { x: x(i), y: y(SHARE_WORDS.indexOf(share)) } : null;
          });
          // Lines join neighboring rounds that are both shown.
          const segments = points.flatMap((p, i) => {
            const next = points[i + 1];
            return p && next ? [`M${p.x},${p.y}L${next.x},${next.y}`] : [];
          });
          return (
            <li key={t.id} class="multiple">
              <figure>
                <svg
                  viewBox={`0 0 ${W} ${H}`}
                  width={W}
                  height={H}
                  role="img"
                  aria-label={`${t.label}: ${spoken(rounds, t.id)}`}
                >
                  {SHARE_WORDS.map((w, level) => (
                    <g key={w}>
                      <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(level)} y2={y(level)} />
                      <text class="axis" x={PAD.left - 4} y={y(level) + 3} text-anchor="end">
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
                <figcaption>{t.label}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
      <div class="table-scroll">
        <table class="share-chart">
          <caption>The picture over time, as a table</caption>
          <thead>
            <tr>
              <th scope="col">Pattern of evidence</th>
              {rounds.map((r, i) => (
                <th scope="col" key={r.id}>
                  Round {i + 1}: {r.title} ({formatDate(r.date)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                {rounds.map((r) => (
                  <td key={r.id}>{shareOf(r, t.id) ?? 'not shown'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
