import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase } from '../../lti-server/src/db/database';
import { similarStrategies } from '../../lti-server/src/domain/strategies';
import { refreshPlannerStatistics } from '../../lti-server/src/db/repositories/planner-statistics';
import { addSearchWords } from '../../lti-server/src/db/repositories/search-words';
import { listStrategies, RANKED_MATCHES, searchTerms } from '../../lti-server/src/db/repositories/strategies';
import { correctedSearch } from '../../lti-server/src/domain/strategies';
import type { Database } from '../../lti-server/src/db/schema';
import { TenantScope } from '../../lti-server/src/db/tenant-scope';
import { seedTenant } from '../support/server/seed-tenant';
import { createTestDatabase, type TestDbKind } from '../support/server/test-database';
import { type Figure, percentile, rng, timeMs } from './report';

/**
 * Menu search at scale: seeds N strategies (default 100,000) and compares the one repository search function
 * (FTS5 / tsvector + GIN, prefix matching, ranked) with a naive LIKE search doing the same job over the same rows, in
 * the same run, on the same queries (docs/performance.md says exactly what each side does).
 */
const WORDS = (
  'think pair share exit ticket warm up discussion sentence frames retrieval practice cold call wait time gallery walk ' +
  'jigsaw fishbowl debate socratic seminar concept map graphic organizer number talk estimation journal reflection ' +
  'peer feedback rubric checklist whiteboard quiz flashcards vocabulary reading aloud annotation close reading ' +
  'experiment hypothesis evidence claim reasoning data card graph table timeline primary source map sketch model ' +
  'station rotation choice board entry routine mini lesson modeling worked example error analysis partner explain'
).split(' ');
const SUBJECTS = ['Science', 'Math', 'English', 'History', 'Languages', 'Arts', 'PE', 'Any'];
const BANDS = ['K-2', '3-5', '6-8', '9-12', 'Any'];

/**
 * Real strategy texts use thousands of distinct words with a few very common ones (Zipf's law). The corpus mixes the
 * education words above with 4,000 made-up words and draws every word, for texts and for queries alike, with
 * probability ~ 1/rank. The worst case, a query for one of the most common words, is measured separately.
 */
function vocabulary(random: () => number): string[] {
  const syllables = [
    'ka',
    'lo',
    'ti',
    'ra',
    'mu',
    'se',
    'no',
    'vi',
    'pa',
    'du',
    'fe',
    'gi',
    'zo',
    'be',
    'ch',
    'tr',
  ];
  const made = new Set<string>();
  while (made.size < 4000) {
    const n = 2 + Math.floor(random() * 3);
    made.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return [...WORDS, ...made];
}

function zipf(random: () => number, size: number): () => number {
  const weights = Array.from({ length: size }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const r = random();
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const label = (kind: TestDbKind) => `search.${kind}`;

export async function searchFigures(kind: TestDbKind, count: number, queries: number): Promise<Figure[]> {
  const test = await createTestDatabase(kind);
  const handle = openDatabase(test.target);
  try {
    await handle.migrate();
    const db = handle.db;
    const now = new Date().toISOString();
    const tenant = randomUUID();
    const network = randomUUID();
    const person = randomUUID();
    await seedTenant(db, { tenant, networks: [network], person }, now);

    const random = rng(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const vocab = vocabulary(random);
    const rank = zipf(random, vocab.length);
    const word = () => vocab[rank()]!;
    const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
    const seedStart = performance.now();
    const batch = kind === 'sqlite' ? 500 : 1000;
    // Strategies a teacher will submit again, with a typo: the submission check must find each, through the index.
    const resubmitted: Array<{ id: string; title: string; steps: string[] }> = [];
    const every = Math.max(1, Math.floor(count / 30));
    const scope = new TenantScope(db, tenant, kind);
    // SQLite's spelling word list is kept by the strategies repository, which these direct inserts bypass: the words
    // of every text go in once at the end (PostgreSQL's triggers keep its list).
    const texts: string[] = [];
    for (let i = 0; i < count; i += batch) {
      const rows: Database['strategies'][] = [];
      for (let j = i; j < Math.min(count, i + batch); j++) {
        const title = `${phrase(3)} ${j}`;
        const purpose = phrase(10);
        const steps = [phrase(8), phrase(8), phrase(8)];
        const tags = [word(), word()];
        const subject = pick(SUBJECTS);
        const id = randomUUID();
        const status = random() < 0.9 ? 'approved' : 'pending';
        if (j % every === 0 && status === 'approved') resubmitted.push({ id, title, steps });
        rows.push({
          id,
          tenant_id: tenant,
          network_id: network,
          contributor_id: person,
          client_id: null,
          title,
          purpose,
          steps: JSON.stringify(steps),
          minutes: 1 + Math.floor(random() * 15),
          subject,
          grade_band: pick(BANDS),
          tags: JSON.stringify(tags),
          source_url: null,
          source_title: null,
          excerpt_html: null,
          status,
          change_message: null,
          change_requested_at: null,
          merged_into_id: null,
          dup_key: title,
          search_text: [title, purpose, ...steps, tags.join(' '), subject].join('\n'),
          created_at: new Date(Date.parse(now) - j * 1000).toISOString(),
          updated_at: now,
        });
      }
      await db.insertInto('strategies').values(rows).execute();
      if (kind === 'sqlite') texts.push(rows.map((r) => r.search_text).join('\n'));
    }
    for (const text of texts) await addSearchWords(scope, text);
    // As autovacuum would after a bulk load: the planner needs the word list's statistics too. On SQLite, as the
    // server's retention job does at start and hourly (planner-statistics.ts).
    if (kind === 'postgres') await sql`analyze strategies, search_words`.execute(db);
    else await refreshPlannerStatistics(db, kind);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    // Queries as people type them: one or two words, the last often unfinished (prefix search).
    const terms = Array.from({ length: queries }, (_, i) => {
      const w = word();
      return i % 3 === 0 ? `${word()} ${w}` : w.slice(0, Math.max(3, w.length - 1));
    });
    const common = Array.from({ length: Math.min(queries, 30) }, (_, i) => vocab[i % 5]!);
    // Misspelt words: two neighbouring letters swapped or one left out, in a word of 5+ letters, never the start of a
    // word of the menu (that would be a prefix search, not a typo). These find nothing and run the spelling fallback.
    const isPrefix = (w: string) => vocab.some((v) => v.startsWith(w));
    const typos: string[] = [];
    while (typos.length < Math.min(queries, 50)) {
      const w = word();
      if (w.length < 5) continue;
      const at = 1 + Math.floor(random() * (w.length - 2));
      const typo =
        random() < 0.5
          ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
          : w.slice(0, at) + w.slice(at + 1);
      if (!isPrefix(typo)) typos.push(typos.length % 3 === 0 ? `${word()} ${typo}` : typo);
    }
    const exact = async (q: string) =>
      listStrategies(scope, {
        networkId: network,
        statuses: ['approved', 'featured'],
        q,
        excludeMerged: true,
        limit: 20,
      });
    // What GET /api/strategies runs for the first page of a search: the words as typed, and when that finds nothing,
    // the spelling fallback (domain/strategies.ts) and the corrected search once.
    const fts = async (q: string) => {
      const rows = await exact(q);
      if (rows.length > 0) return rows;
      const corrected = await correctedSearch(scope, q);
      return corrected === undefined ? rows : exact(corrected);
    };
    // The baseline: a naive LIKE search doing the same job as listStrategies, with no full-text index. The same
    // filters; every word as a substring of the lower-cased text; the newest RANKED_MATCHES + 1 matches, because a
    // search has to know whether there are more than it ranks; up to RANKED_MATCHES of them ranked (naively: by how
    // often the words occur), more listed newest first; the first page of 20 read in full.
    const likeMatches = (q: string) => {
      let qb = scope
        .selectFrom('strategies')
        .where('network_id', '=', network)
        .where('status', 'in', ['approved', 'featured'])
        .where('merged_into_id', 'is', null);
      for (const word of searchTerms(q)) qb = qb.where(sql<boolean>`lower(search_text) like ${`%${word}%`}`);
      return qb;
    };
    const like = async (q: string) => {
      const occurrences = sql.join(
        searchTerms(q).map(
          (word) =>
            sql`(length(lower(search_text)) - length(replace(lower(search_text), ${word}, ''))) / length(${word})`,
        ),
        sql` + `,
      );
      const matches = await likeMatches(q)
        .select(['id', sql<number>`${occurrences}`.as('score')])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(RANKED_MATCHES + 1)
        .execute();
      const ranked =
        matches.length > RANKED_MATCHES
          ? matches
          : [...matches].sort((a, b) => Number(b.score) - Number(a.score));
      const page = ranked.slice(0, 20).map((m) => m.id);
      return page.length > 0
        ? scope.selectFrom('strategies').selectAll().where('id', 'in', page).execute()
        : [];
    };
    // The previous, cheaper baseline for reference: only the newest 20 matches, without counting or ranking, so it
    // stops as soon as it has found 20 (a different job from the function measured).
    const likeFirstPage = async (q: string) =>
      likeMatches(q).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).execute();
    for (const q of terms.slice(0, 10)) {
      await fts(q);
      await like(q);
      await likeFirstPage(q);
    }
    const ftsMs: number[] = [];
    const likeMs: number[] = [];
    const firstPageMs: number[] = [];
    // Interleaved so machine noise hits all alike.
    for (const q of terms) {
      ftsMs.push(await timeMs(() => fts(q)));
      likeMs.push(await timeMs(() => like(q)));
      firstPageMs.push(await timeMs(() => likeFirstPage(q)));
    }
    if (process.env.BENCH_SLOWEST) {
      // Diagnostics: the queries behind the tail, slowest first.
      const slowest = terms.map((q, i) => ({ q, ms: ftsMs[i]! })).sort((a, b) => b.ms - a.ms);
      for (const { q, ms } of slowest.slice(0, Number(process.env.BENCH_SLOWEST)))
        console.error(`  ${label(kind)} slow: ${ms.toFixed(1)} ms  "${q}"`);
    }
    const typoMs: number[] = [];
    let corrected = 0;
    for (const q of typos) {
      typoMs.push(await timeMs(() => fts(q)));
      if ((await fts(q)).length > 0) corrected++;
    }
    const commonMs: number[] = [];
    const commonLikeMs: number[] = [];
    for (const q of common) {
      commonMs.push(await timeMs(() => fts(q)));
      commonLikeMs.push(await timeMs(() => like(q)));
    }
    // The submission check (POST /api/strategies/similar) as a teacher who contributed none of them: candidates
    // through the full-text index, scored by the shared similarity. A typo swaps two letters of the first word.
    const teacher = { scope, personId: randomUUID(), networkId: network, role: 'teacher' as const };
    const typo = (t: string) => (t.length > 3 ? `${t[0]}${t[2]}${t[1]}${t.slice(3)}` : t);
    const similarMs: number[] = [];
    let found = 0;
    for (const r of resubmitted) {
      let hit = false;
      similarMs.push(
        await timeMs(async () => {
          const views = await similarStrategies(teacher, { title: typo(r.title), steps: r.steps });
          hit = views.some((v) => v.row.id === r.id);
        }),
      );
      if (hit) found++;
    }
    const p50 = percentile(ftsMs, 50);
    const p95 = percentile(ftsMs, 95);
    const b50 = percentile(likeMs, 50);
    const b95 = percentile(likeMs, 95);
    const f95 = percentile(firstPageMs, 95);
    const name = label(kind);
    const same = 'LIKE search, same job';
    const firstPage = 'LIKE, newest 20 only';
    return [
      { name: `${name}.seeded`, value: count, unit: `strategies in ${seedSeconds.toFixed(1)} s` },
      { name: `${name}.p50`, value: p50, unit: 'ms', baseline: { label: same, value: b50 } },
      { name: `${name}.p95`, value: p95, unit: 'ms', baseline: { label: same, value: b95 } },
      {
        name: `${name}.speedup_p95`,
        value: b95 / p95,
        unit: 'x faster than a LIKE search doing the same job (goal: p95 <= 20 ms and >= 10x)',
      },
      {
        name: `${name}.typo.p95`,
        value: percentile(typoMs, 95),
        unit: `ms (a misspelt word: the search, the spelling fallback and the corrected search; ${corrected} of ${typos.length} found strategies; goal <= 20 ms)`,
      },
      {
        name: `${name}.most_common_word.p95`,
        value: percentile(commonMs, 95),
        unit: 'ms',
        baseline: { label: same, value: percentile(commonLikeMs, 95) },
      },
      {
        name: `${name}.p50_vs_newest_20_like`,
        value: p50,
        unit: 'ms',
        baseline: { label: firstPage, value: percentile(firstPageMs, 50) },
      },
      {
        name: `${name}.p95_vs_newest_20_like`,
        value: p95,
        unit: 'ms',
        baseline: { label: firstPage, value: f95 },
      },
      {
        name: `${name}.similar_on_submit.p95`,
        value: percentile(similarMs, 95),
        unit: `ms (the submission check; found ${found} of ${resubmitted.length} re-submissions with a typo)`,
      },
      {
        name: `${name}.speedup_p95_vs_newest_20_like`,
        value: f95 / p95,
        unit: 'x (a different job; see docs)',
      },
    ];
  } finally {
    await handle.close();
    await test.drop();
  }
}
