import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../../shared/i18n';

/**
 * The zod schemas' own messages in `shared/` are catalog keys (issue #18), so the server answers them and the app
 * shows them in the reader's language: `z.string().min(1, 'errors.field.…')`, `{ error: 'errors.field.…' }`,
 * `.refine(ok, 'errors.field.…')`, `ctx.addIssue({ message: 'errors.field.…' })`. This finds every message written
 * out in words instead. What stays English on purpose is listed in ALLOWED with the reason.
 */
const root = join(import.meta.dirname, '../../..');
const shared = join(root, 'shared');

/** zod methods whose string argument is the message shown when the check fails. */
const CHECKS = new Set([
  'min',
  'max',
  'length',
  'nonempty',
  'regex',
  'refine',
  'email',
  'url',
  'int',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'gt',
  'gte',
  'lt',
  'lte',
  'multipleOf',
  'array',
  'string',
  'number',
  'boolean',
  'enum',
]);
/** Properties of a check's options or of an issue that hold its message. */
const MESSAGE_PROPERTIES = new Set(['error', 'message']);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

/** Hand-written messages in one source, as `line: "text"` (a template's `${…}` kept as written). */
function handWrittenMessages(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const check = (node: ts.Expression) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isMessageKey(node.text)) return;
      text = node.text;
    } else if (ts.isTemplateExpression(node)) {
      // A template's `${…}` are reported as `%{…}`, so that the lists below stay plain strings.
      text = node.getText().slice(1, -1).replaceAll('${', '%{');
    } else if (ts.isConditionalExpression(node)) {
      check(node.whenTrue);
      check(node.whenFalse);
      return;
    }
    if (text !== undefined && hasWords(text.replace(/%\{[^}]*\}/g, '')))
      found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      CHECKS.has(node.expression.name.text)
    ) {
      for (const arg of node.arguments) if (!ts.isObjectLiteralExpression(arg)) check(arg);
    }
    if (
      ts.isPropertyAssignment(node) &&
      MESSAGE_PROPERTIES.has(node.name.getText()) &&
      !ts.isArrowFunction(node.initializer) &&
      !ts.isFunctionExpression(node.initializer)
    )
      check(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * What stays in words on purpose, by file. Whole files: the operator's start-up configuration and the
 * `npm run platform` command line (told on the console, in English). Single messages: the CLI's `--expires`.
 */
const ALLOWED: Record<string, 'all' | readonly string[]> = {
  'config.ts': 'all',
  'platform.ts': 'all',
  'registration.ts': ['must be a number with m, h or d, such as 7d', 'must be between 1 minute and 90 days'],
};

const sources = readdirSync(shared).filter((name) => name.endsWith('.ts'));

describe('the schemas in shared/ say their messages with catalog keys', () => {
  it.each(sources)('when shared/%s is read, then no schema message is written out in words', (name) => {
    const allowed = ALLOWED[name] ?? [];
    if (allowed === 'all') return;
    const found = handWrittenMessages(name, readFileSync(join(shared, name), 'utf8')).filter(
      (line) => !allowed.includes(line.replace(/^\d+: /, '')),
    );
    expect(found).toEqual([]);
  });

  it('when every exception is still there, then the list of exceptions is no longer than it needs to be', () => {
    for (const [name, allowed] of Object.entries(ALLOWED)) {
      const found = handWrittenMessages(name, readFileSync(join(shared, name), 'utf8')).map((line) =>
        line.replace(/^\d+: /, ''),
      );
      if (allowed === 'all') expect(found.length, name).toBeGreaterThan(0);
      else for (const text of allowed) expect(found, name).toContain(text);
    }
  });

  it('when a schema writes a message out in words, then each way of writing one is found', () => {
    const source = [
      "const a = z.string({ error: 'A name is required' }).min(1, 'Name it').max(9, `At most %{n} letters`);",
      "const b = z.array(x, 'ids must be a list').refine(unique, 'Each is listed once');",
      "const c = z.object({}).refine(ok, { message: 'Name a visit or a door, not both', path: ['doorId'] });",
      "const d = z.string().transform((v, ctx) => ctx.addIssue({ code: 'custom', message: 'Not valid' }));",
      "const e = z.string().min(1, 'errors.field.note.text').max(9, 'errors.field.note.text-long');",
      "const f = z.enum(['a', 'b'], { error: 'errors.field.api.which' }).default('a');",
    ]
      .join('\n')
      .replaceAll('%{', '$' + '{');
    expect(handWrittenMessages('x.ts', source).sort()).toEqual(
      [
        '1: A name is required',
        '1: Name it',
        '1: At most %{n} letters',
        '2: ids must be a list',
        '2: Each is listed once',
        '3: Name a visit or a door, not both',
        '4: Not valid',
      ].sort(),
    );
  });
});
