/**
 * `npm run bench [-- NAME…]`: prints one line per figure, `name: value unit`, with the baseline measured in the same
 * run and the ratio where there is one. Loops are bounded and every server listens on 127.0.0.1 only.
 */
import { GROUPS } from './groups';
import { formatFigure } from './report';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !GROUPS.some((g) => g.name === w));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark group: ${unknown.join(', ')}. Groups: ${GROUPS.map((g) => g.name).join(', ')}`,
  );
  process.exit(1);
}
const groups = wanted.length > 0 ? GROUPS.filter((g) => wanted.includes(g.name)) : GROUPS;
for (const group of groups) {
  console.log(`# ${group.name}: ${group.description}`);
  await group.run((figure) => console.log(formatFigure(figure)));
}
process.exit(0);
