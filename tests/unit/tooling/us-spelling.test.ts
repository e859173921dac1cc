import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../shared/i18n';
import { lintNote } from '../../../shared/note-linter';

/**
 * One spelling convention, US English, in what people read (issue #16): the text of the app's and the extension's
 * screens, the server's own pages and messages, README and docs. Code identifiers, stored values and API fields
 * (`status: 'cancelled'`, `cancelledBy`, iCalendar's `STATUS:CANCELLED`) keep their names: in source files only
 * string literals and JSX text are read, and a literal that is exactly one of those values is left alone; in
 * Markdown, code spans and code blocks are skipped.
 */
const root = join(import.meta.dirname, '../../..');

/** British spellings and the US ones to write instead (each also with -s, -ed, -ing and similar endings). */
const BRITISH: Array<[RegExp, string]> = [
  [/\bcancell(ed|ing)\b/i, 'canceled, canceling'],
  [/\blabell(ed|ing)\b/i, 'labeled, labeling'],
  [/\bjudgements?\b/i, 'judgment'],
  [
    /\b(normal|recogn|real|serial|organ|optim|summar|priorit|custom|minim|maxim|util|categor|final|initial|visual|synchron|standard|author|apolog|special|personal|emphas)is(e|es|ed|ing|ation|ations)\b/i,
    '-ize, -ization',
  ],
  [/\banalys(e|es|ed|ing)\b/i, 'analyze'],
  [/\b(colo|behavio|favo|neighbo|hono|labo|humo|rumo|savo|flavo)ur(s|ed|ite|ites|hood|able)?\b/i, '-or'],
  [/\bcentres?\b/i, 'center'],
  [/\bprogrammes?\b/i, 'program'],
  [/\b(catalogue|analogue)s?\b/i, 'catalog'],
  [/\b(licence|offence|defence)s?\b/i, 'license, offense, defense'],
  [/\bpractis(e|es|ed|ing)\b/i, 'practice'],
  [/\btravell(ed|ing|er)\b/i, 'traveled, traveling'],
  [
    /\b(whilst|amongst|learnt|spelt|enrolment|fulfil|grey)\b/i,
    'while, among, learned, spelled, enrollment, fulfill, gray',
  ],
];

/** Stored values and standard names that are not prose: allowed as a whole literal. */
const VALUES = new Set(['cancelled', 'CANCELLED', ' cancelled']);

function britishIn(text: string): string[] {
  return BRITISH.flatMap(([pattern, us]) => {
    const found = text.match(new RegExp(pattern.source, 'gi')) ?? [];
    return found.map((w) => `"${w}" (US: ${us})`);
  });
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ext);
    return ext.test(entry.name) ? [path] : [];
  });
}

/** The text a person reads in a source file: string literals, template text and JSX text, each with its line. */
function readableText(path: string, source: string): Array<{ line: number; text: string }> {
  const file = ts.createSourceFile(
    path,
    source,
    ts.ScriptTarget.Latest,
    true,
    path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const text = node.text;
      if (
        !VALUES.has(text) &&
        !ts.isImportDeclaration(node.parent) &&
        !ts.isExternalModuleReference(node.parent)
      )
        out.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Markdown prose: without fenced code blocks and code spans. */
function markdownProse(source: string): Array<{ line: number; text: string }> {
  let fenced = false;
  return source.split('\n').flatMap((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line: i + 1, text: text.replace(/`[^`]*`/g, ' ') }];
  });
}

const SOURCES = [
  ...files('lti-server/app/src', /\.tsx?$/),
  ...files('extension/entrypoints', /\.tsx?$/),
  ...files('extension/components', /\.tsx?$/),
  ...files('lti-server/src/http', /\.ts$/),
  ...files('lti-server/src/sandbox', /\.ts$/),
  ...files('lti-server/src/domain', /\.ts$/),
  // shared/note-linter.ts keeps British spellings on purpose (the phrases it finds in notes); its messages are
  // checked below by linting notes.
  'shared/errors.ts',
];
const DOCS = ['README.md', ...files('docs', /\.md$/)];

function findings(): string[] {
  const found: string[] = [];
  for (const path of SOURCES) {
    const source = readFileSync(join(root, path), 'utf8');
    // Parsed only when the file holds a British spelling somewhere (most hold none, not even in identifiers).
    if (britishIn(source).length === 0) continue;
    for (const { line, text } of readableText(path, source))
      for (const word of britishIn(text)) found.push(`${relative('.', path)}:${line}: ${word}`);
  }
  // The US English catalog holds most of the screens' text now (shared/i18n, issue #18).
  for (const [key, text] of Object.entries(CATALOGS.en))
    for (const word of britishIn(text)) found.push(`shared/i18n/en.json: ${key}: ${word}`);
  for (const path of DOCS)
    for (const { line, text } of markdownProse(readFileSync(join(root, path), 'utf8')))
      for (const word of britishIn(text)) found.push(`${path}:${line}: ${word}`);
  return found;
}

describe('US English in what people read', () => {
  it('when the screens, pages, messages, README and docs are read, then no British spelling is found', () => {
    expect(findings()).toEqual([]);
  }, 60_000);

  it("when notes are linted, then the linter's messages and suggestions are in US English", () => {
    const notes = [
      'Great engagement! The teacher should have waited longer.',
      'Students seemed bored and I loved how the lesson was well organized.',
      'It was clear that they realized the point; effective questioning throughout.',
      'Ms Rivera asked Jayden to explain his answer.',
      'This was a wonderful lesson and the best part was the ending.',
    ];
    const flags = notes.flatMap((n) => lintNote(n, { names: ['Jayden'] }));
    expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(['evaluative', 'inference', 'name']));
    expect(flags.flatMap((f) => britishIn(`${f.message} ${f.suggestion ?? ''}`))).toEqual([]);
  });

  it('when a British spelling is in a message or in prose, then it is found; identifiers, values and code are not', () => {
    const source = [
      "const cancelled = visit.status === 'cancelled';",
      '// A comment may say cancelled: it is not shown.',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
      "const x = <p class={`door${cancelled ? ' cancelled' : ''}`}>You cancelled this door in the centre.</p>;",
      "throw new Error('This reads as a judgement; colour, color.');",
    ].join('\n');
    expect(readableText('x.tsx', source).flatMap((t) => britishIn(t.text))).toEqual([
      '"cancelled" (US: canceled, canceling)',
      '"centre" (US: center)',
      '"judgement" (US: judgment)',
      '"colour" (US: -or)',
    ]);
    const md = ['The door is cancelled.', 'The value `cancelled` is stored.', '```', 'judgement', '```'].join(
      '\n',
    );
    expect(markdownProse(md).flatMap((t) => britishIn(t.text))).toEqual([
      '"cancelled" (US: canceled, canceling)',
    ]);
  });
});
