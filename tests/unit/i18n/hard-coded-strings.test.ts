import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../shared/i18n';

/**
 * Screens converted to the i18n layer stay converted (issue #18 item 4): in these files no text a person reads is
 * written out in English. It finds JSX text, string literals shown as JSX children (`{cond ? 'Coach' : 'Teacher'}`),
 * the attributes a person reads or hears (aria-label, title, placeholder, alt…) and the text-holding properties of
 * objects a view renders (`label: 'Menu'`). Text goes through `t('key')` instead. The list grows as screens convert;
 * what is not on it yet is listed in docs/i18n.md.
 */
const root = join(import.meta.dirname, '../../..');

const CONVERTED = [
  'lti-server/app/src/App.tsx',
  'lti-server/app/src/time.ts',
  'lti-server/app/src/api.ts',
  'lti-server/app/src/components/language-switch.tsx',
  'lti-server/app/src/components/trans.tsx',
  'lti-server/app/src/components/notice-line.tsx',
  'lti-server/app/src/components/confirm.tsx',
  'lti-server/app/src/components/ics-button.tsx',
  // The menu and strategy screens.
  'lti-server/app/src/views/menu-view.tsx',
  'lti-server/app/src/components/strategy-card.tsx',
  'lti-server/app/src/components/school-choice.tsx',
  'lti-server/app/src/components/status-badge.tsx',
  'lti-server/app/src/views/strategy-view.tsx',
  'lti-server/app/src/components/strategy-doors.tsx',
  'lti-server/app/src/components/insert-panel.tsx',
  // Doors.
  'lti-server/app/src/views/doors-view.tsx',
  'lti-server/app/src/components/door-item.tsx',
  'lti-server/app/src/views/visits-view.tsx',
  'lti-server/app/src/components/cancel-with-reason.tsx',
  'lti-server/app/src/components/round/group-clock.tsx',
  'lti-server/app/src/views/door-form.tsx',
  'lti-server/app/src/hooks/use-door-form.ts',
  'lti-server/app/src/components/fields.tsx',
  'lti-server/app/src/components/date-time-fields.tsx',
  // Writing a note, and the linter's feedback.
  'lti-server/app/src/views/note-editor-view.tsx',
  'lti-server/app/src/components/note-composer.tsx',
  'lti-server/app/src/components/note-lint.tsx',
  'lti-server/app/src/hooks/use-note-composer.ts',
  // The school picture.
  'lti-server/app/src/views/picture-view.tsx',
  'lti-server/app/src/components/retention-panel.tsx',
  'lti-server/app/src/views/finished-rounds-view.tsx',
  'lti-server/app/src/components/host-notices.tsx',
  // Notes about my room, the printable menu.
  'lti-server/app/src/views/notes-view.tsx',
  'lti-server/app/src/views/print-view.tsx',
  'lti-server/app/src/views/extension-view.tsx',
  // Problems of practice and cycles, the reflective dialogue, the strategy form.
  'lti-server/app/src/views/problems-view.tsx',
  'lti-server/app/src/hooks/use-problems.ts',
  'lti-server/app/src/views/cycle-view.tsx',
  'lti-server/app/src/hooks/use-cycle.ts',
  'lti-server/app/src/components/cycle',
  'lti-server/app/src/views/dialogue-view.tsx',
  'lti-server/app/src/views/strategy-form.tsx',
  // Rounds: the coach's list, the planner form, a round's page, a host's room in a round.
  'lti-server/app/src/views/rounds-view.tsx',
  'lti-server/app/src/views/round-form.tsx',
  'lti-server/app/src/hooks/use-round.ts',
  'lti-server/app/src/hooks/use-round-form.ts',
  'lti-server/app/src/components/round/round-declines.tsx',
  'lti-server/app/src/components/round/round-groups.tsx',
  'lti-server/app/src/components/round/round-people-fields.tsx',
  'lti-server/app/src/components/round/round-rotation.tsx',
  'lti-server/app/src/views/round-host-view.tsx',
  // Settings and the school day; the room note mode (a folder: every file in it), its link panel and the door sign.
  'lti-server/app/src/views/settings-view.tsx',
  'lti-server/app/src/components/school-day-fields.tsx',
  'lti-server/app/src/components/period-field.tsx',
  'lti-server/app/src/components/time-zone-field.tsx',
  'lti-server/app/src/components/outside-school-day.tsx',
  'lti-server/app/src/room',
  'lti-server/app/src/components/room-link-panel.tsx',
  'lti-server/app/src/views/sign-view.tsx',
  // Rounds: a round's debrief, its briefing and the group clock's page.
  'lti-server/app/src/views/debrief-view.tsx',
  'lti-server/app/src/components/debrief',
  'lti-server/app/src/hooks/use-debrief.ts',
  'lti-server/app/src/views/briefing-view.tsx',
  'lti-server/app/src/hooks/use-briefing.ts',
  'lti-server/app/src/components/round/briefing-sheet.tsx',
  'lti-server/app/src/components/round/briefing-editor.tsx',
  'lti-server/app/src/views/clock-view.tsx',
  // District networks across schools.
  'lti-server/app/src/views/district-view.tsx',
  'lti-server/app/src/components/look-for-reset.tsx',
  // The rest of the app: its API clients, hooks and helpers, the entry point.
  'lti-server/app/src/components/dialogue-parts.ts',
  'lti-server/app/src/components/qr-image.tsx',
  'lti-server/app/src/components/school-list-field.tsx',
  'lti-server/app/src/cycles-api.ts',
  'lti-server/app/src/districts-api.ts',
  'lti-server/app/src/download.ts',
  'lti-server/app/src/drafts.ts',
  'lti-server/app/src/flash.ts',
  'lti-server/app/src/hooks/outside-school-day.ts',
  'lti-server/app/src/hooks/use-door-pages.ts',
  'lti-server/app/src/hooks/use-review-count.ts',
  'lti-server/app/src/hooks/use-school-day.ts',
  'lti-server/app/src/main.tsx',
  'lti-server/app/src/session.ts',
  'lti-server/app/src/router.ts',
  'lti-server/app/src/i18n.ts',
  // The extension (browser.i18n: msg('key')): every file of its pages, components and background.
  'extension/lib',
  'extension/components',
  'extension/entrypoints',
];

/** Attributes a person reads or a screen reader speaks. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Object properties that carry text to show (`{ label: … }`). */
const TEXT_PROPERTIES = new Set([
  'label',
  'title',
  'message',
  'legend',
  'hint',
  'description',
  'text',
  'heading',
]);

// Message keys of the app's catalog and of the extension's (browser.i18n).
const KEYS = new Set([
  ...Object.keys(CATALOGS.en).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')),
  ...Object.keys(JSON.parse(readFileSync(join(root, 'extension/public/_locales/en/messages.json'), 'utf8'))),
]);

/** Letters make it words; "·", "–", "…", digits, spaces and a message key (`label: 'nav.menu'`) are not a language. */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !KEYS.has(text);

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/**
 * Not shown as it is: an argument (`t('menu.title')`, `href(…)`), a value compared with (`state.kind === 'ready'`),
 * an element access key.
 */
function notShown(node: ts.Node, stop: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  for (let n = parent; n && n !== stop; n = n.parent) if (ts.isCallExpression(n)) return true;
  return false;
}

/** Hard-coded user-facing strings in one source file, as `line: "text"`. */
function hardCodedStrings(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push(
      `${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${JSON.stringify(text.trim())}`,
    );
  const literalsIn = (expression: ts.Node) => {
    const visit = (n: ts.Node) => {
      if (
        (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) &&
        !notShown(n, expression.parent)
      ) {
        const text = ts.isTemplateExpression(n) ? n.getText() : n.text;
        if (hasWords(ts.isTemplateExpression(n) ? text.replace(/\$\{[^}]*\}/g, '') : text)) report(n, text);
        return;
      }
      // Tags and attributes inside the expression are visited on their own.
      if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) return;
      ts.forEachChild(n, visit);
    };
    visit(expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      literalsIn(node.expression);
    else if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) {
        if (hasWords(node.initializer.text)) report(node.initializer, node.initializer.text);
      } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
        literalsIn(node.initializer.expression);
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText())) {
      const value = node.initializer;
      if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && hasWords(value.text))
        report(value, value.text);
      else if (ts.isTemplateExpression(value) && hasWords(value.getText().replace(/\$\{[^}]*\}/g, '')))
        report(value, value.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function filesOf(entry: string): string[] {
  const path = join(root, entry);
  if (!statSync(path).isDirectory()) return [entry];
  return readdirSync(path).flatMap((name) =>
    /\.tsx?$/.test(name) || !name.includes('.') ? filesOf(join(entry, name)) : [],
  );
}

describe('no hard-coded user-facing strings in converted screens', () => {
  it.each(CONVERTED.flatMap(filesOf))('when %s is read, then its text goes through t()', (path) => {
    expect(hardCodedStrings(path, readFileSync(join(root, path), 'utf8'))).toEqual([]);
  });

  it('when a screen writes out text, then each kind of hard-coded string is found', () => {
    const source = [
      'const items = [{ route: "menu", label: "Menu" }, { label: t("nav.clips") }, { message: `Failed (%{n})` }];',
      'export const V = ({ coach }) => (',
      '  <section aria-label="Your visits" class="card wide">',
      '    <h1>Open doors</h1>',
      '    <p>{coach ? "Coach" : t("role.teacher")} · {n}</p>',
      '    <input placeholder={`Search %{what}`} title={t("menu.search")} type="search" />',
      '    <img alt="" src="/x.png" />',
      '    {" "}{t("menu.count", { count: 2, label: "x" })}',
      '  </section>',
      ');',
    ]
      .join('\n')
      .replaceAll('%{', '$' + '{');
    // (Placeholders are written %{…} above so that they stay plain text in this file.)
    expect(hardCodedStrings('x.tsx', source).map((f) => f.replaceAll('$' + '{', '%{'))).toEqual([
      '1: "Menu"',
      '1: "`Failed (%{n})`"',
      '3: "Your visits"',
      '4: "Open doors"',
      '5: "Coach"',
      '6: "`Search %{what}`"',
    ]);
  });
});
