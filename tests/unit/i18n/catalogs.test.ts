import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGS, type Language, LANGUAGES } from '../../../shared/i18n';

/**
 * Both interface languages have every message (issue #18 item 4): a key in one catalog and not in the other fails, a
 * plural lacks none of the forms its language needs (Intl.PluralRules: English one/other, Spanish one/many/other),
 * each translation keeps the English message's {{placeholders}}, and a key that no source file names is dead.
 */
const root = join(import.meta.dirname, '../../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Base keys ("menu.count" for "menu.count_one"), and which of them are plurals. */
function shapeOf(catalog: Record<string, string>): Map<string, Set<string> | null> {
  const shape = new Map<string, Set<string> | null>();
  for (const key of Object.keys(catalog)) {
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    if (!form) shape.set(base, shape.get(base) ?? null);
    else shape.set(base, new Set([...(shape.get(base) ?? []), form]));
  }
  return shape;
}

/** What is wrong with `catalogs`: missing keys, missing plural forms, changed placeholders, empty messages. */
function catalogProblems(catalogs: Record<Language, Record<string, string>>): string[] {
  const problems: string[] = [];
  const shapes = Object.fromEntries(LANGUAGES.map((l) => [l, shapeOf(catalogs[l])])) as Record<
    Language,
    Map<string, Set<string> | null>
  >;
  const allKeys = new Set(LANGUAGES.flatMap((l) => [...shapes[l].keys()]));
  // A "one" form may leave out {{count}} ("La persona que reservó…"): the form itself says how many.
  const placeholders = (text: string | undefined, form = '') =>
    [...(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
      .map((m) => m[1])
      .filter((name) => !(form.endsWith('_one') && name === 'count'))
      .sort();
  for (const key of [...allKeys].sort()) {
    const plural = LANGUAGES.some((l) => shapes[l].get(key));
    // A form is compared with English's form of the same category ("1 strategy waits" has no {{count}}), else
    // with English's "other".
    const english = (form: string) =>
      plural ? (catalogs.en[form] ?? catalogs.en[`${key}_other`]) : catalogs.en[key];
    for (const language of LANGUAGES) {
      if (!shapes[language].has(key)) {
        problems.push(`${language}: missing "${key}"`);
        continue;
      }
      const forms = plural
        ? new Intl.PluralRules(language).resolvedOptions().pluralCategories.map((f) => `${key}_${f}`)
        : [key];
      for (const form of forms) {
        const text = catalogs[language][form];
        if (text === undefined) problems.push(`${language}: missing plural form "${form}"`);
        else if (!text.trim()) problems.push(`${language}: "${form}" is empty`);
        else if (
          language !== 'en' &&
          placeholders(text, form).join() !== placeholders(english(form), form).join()
        )
          problems.push(
            `${language}: "${form}" has {{${placeholders(text)}}}, English has {{${placeholders(english(form))}}}`,
          );
      }
    }
  }
  return problems;
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every string literal in the sources: a key is used where it is written out whole (never built from pieces). */
function literalsIn(paths: string[]): Set<string> {
  const found = new Set<string>();
  for (const path of paths) {
    const source = readFileSync(join(root, path), 'utf8');
    const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

function unusedKeys(catalog: Record<string, string>, literals: Set<string>): string[] {
  return [...shapeOf(catalog).keys()].filter((key) => !literals.has(key)).sort();
}

/** The extension's catalogs (browser.i18n): `{ key: { message, placeholders } }` per language. */
type ExtensionCatalog = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const extensionCatalog = (language: Language): ExtensionCatalog =>
  JSON.parse(readFileSync(join(root, `extension/public/_locales/${language}/messages.json`), 'utf8'));

/** Missing keys and changed `$NAME$` placeholders between the extension's catalogs. */
function extensionProblems(catalogs: Record<Language, ExtensionCatalog>): string[] {
  const names = (entry: ExtensionCatalog[string] | undefined) =>
    [...(entry?.message ?? '').matchAll(/\$(\w+)\$/g)]
      .map((m) => m[1]!.toLowerCase())
      .sort()
      .join();
  const keys = new Set(LANGUAGES.flatMap((l) => Object.keys(catalogs[l])));
  return [...keys].sort().flatMap((key) =>
    LANGUAGES.flatMap((language) => {
      const entry = catalogs[language][key];
      if (!entry?.message.trim()) return [`extension ${language}: missing "${key}"`];
      const declared = Object.keys(entry.placeholders ?? {})
        .sort()
        .join();
      if (names(entry) !== declared)
        return [`extension ${language}: "${key}" uses {${names(entry)}}, declares {${declared}}`];
      return names(entry) === names(catalogs.en[key])
        ? []
        : [`extension ${language}: "${key}" placeholders differ`];
    }),
  );
}

const SOURCES = [
  ...sources('shared'),
  ...sources('lti-server/src'),
  ...sources('lti-server/app/src'),
  ...sources('extension'),
];

describe('the English and Spanish catalogs', () => {
  it('when both catalogs are compared, then each has every key, every plural form and the same placeholders', () => {
    expect(catalogProblems(CATALOGS)).toEqual([]);
  });

  it('when the sources are read, then every key is used somewhere', () => {
    expect(unusedKeys(CATALOGS.en, literalsIn(SOURCES))).toEqual([]);
  }, 60_000);

  it("when the extension's catalogs are compared, then each has every key with the same placeholders, all used", () => {
    const catalogs = { en: extensionCatalog('en'), es: extensionCatalog('es') };
    expect(extensionProblems(catalogs)).toEqual([]);
    // The manifest names its messages as __MSG_key__; the pages as msg('key').
    const literals = literalsIn([...sources('extension'), 'wxt.config.ts']);
    const used = new Set(
      [...literals].flatMap((l) => [l, ...[...l.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!)]),
    );
    expect(Object.keys(catalogs.en).filter((key) => !used.has(key))).toEqual([]);
  }, 60_000);

  it("when the extension's Spanish catalog lacks a key or a placeholder, then it is found", () => {
    const en = {
      a: { message: 'Paired as $PERSON$', placeholders: { person: { content: '$1' } } },
      b: { message: 'x' },
    };
    expect(extensionProblems({ en, es: { a: { message: 'Vinculado' } } })).toEqual([
      'extension es: "a" placeholders differ',
      'extension es: missing "b"',
    ]);
  });

  it('when a key, a plural form or a placeholder is missing in one catalog, then it is found', () => {
    const problems = catalogProblems({
      en: {
        'a.title': 'Menu',
        'a.count_one': '{{count}} visit',
        'a.count_other': '{{count}} visits',
        'a.only': 'x',
      },
      es: {
        'a.title': 'Menú',
        'a.count_one': '{{count}} visita',
        'a.count_other': 'visitas',
        'a.extra': 'y',
      },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'es: missing "a.only"',
        'en: missing "a.extra"',
        'es: missing plural form "a.count_many"',
        'es: "a.count_other" has {{}}, English has {{count}}',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('when a key is named by no source, then it is unused', () => {
    expect(
      unusedKeys(
        { 'a.used': 'x', 'a.n_one': 'y', 'a.n_other': 'z', 'a.dead': 'w' },
        new Set(['a.used', 'a.n']),
      ),
    ).toEqual(['a.dead']);
  });
});
