// Prints the gzipped JavaScript each extension page loads (its module and the chunks it preloads) and fails the
// build when the popup is over its budget. Run after `wxt build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? '.output/chrome-mv3';
const BUDGET_KB = { popup: 50 };

let failed = false;
for (const pageName of ['popup', 'options', 'clip', 'sidepanel']) {
  const html = readFileSync(join(dir, `${pageName}.html`), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);
  const kb = bytes / 1024;
  const budget = BUDGET_KB[pageName];
  console.log(`extension.${pageName}_js_gzip: ${kb.toFixed(1)} KB${budget ? ` (budget ${budget} KB)` : ''}`);
  if (budget && kb > budget) failed = true;
}
if (failed) {
  console.error('A page is over its JavaScript budget.');
  process.exit(1);
}
