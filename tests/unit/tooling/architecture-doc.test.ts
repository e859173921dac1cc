import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

/** The file names a page mentions in backticks (`db/schema.ts`, `wrap.ts`), leaving out patterns (`<feature>`, `*`, NNNN). */
function namedFiles(page: string): string[] {
  const names = [
    ...readFileSync(join(root, page), 'utf8').matchAll(/`([\w./-]+\.(?:ts|tsx|md|json|css|mjs|js))`/g),
  ]
    .map((m) => m[1]!)
    .filter((name) => !/NNNN/.test(name));
  return [...new Set(names)];
}

/** A name is found when some file's path is it or ends with it after a folder (`db/schema.ts` in lti-server/src/). */
const exists = (name: string) => files.some((path) => path === name || path.endsWith(`/${name}`));

describe('docs/architecture.md', () => {
  it('when it names a file, then the file exists: the page is drawn from the code and moves with it', () => {
    const named = namedFiles('docs/architecture.md');
    expect(named.length).toBeGreaterThan(60);
    expect(named.filter((name) => !exists(name))).toEqual([]);
  });

  it('when it maps a feature, then its route, use-case and repository files are in their layers', () => {
    const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const rows = text.split('\n').filter((line) => /^\| [^|]+ \| `shared\//.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      const cells = row.split('|').map((c) => c.trim());
      for (const [cell, layer] of [
        [cells[3], 'lti-server/src/http/'],
        [cells[4], 'lti-server/src/domain/'],
        [cells[5], 'lti-server/src/db/repositories/'],
      ] as const) {
        const first = /`(?:\w+\/)*([\w.-]+\.ts)`/.exec(cell ?? '')?.[1];
        expect(first, row).toBeDefined();
        expect(files, row).toContain(`${layer}${first}`);
      }
    }
  });
});
