import { describe, expect, it } from 'vitest';
import { findViolations, importsOf, valueImportsOf } from '../../../scripts/check-boundaries';

const rules = (path: string, source: string) => findViolations([{ path, source }]).map((v) => v.rule);

describe('the import boundaries', () => {
  it('when a file imports in all the usual forms, then every specifier is found', () => {
    expect(
      importsOf(
        `import a from './a';\nimport { b } from "../b";\nexport * from './c';\nimport './d.css';\nconst e = await import('./e');\n// import x from './commented';`,
      ),
    ).toEqual(['./a', '../b', './c', './d.css', './e']);
  });

  it('when a stylesheet imports the design tokens, then the app and the extension may, and neither may import the other', () => {
    expect(importsOf('@import "../../shared/design-tokens.css";\n@import url(\'./b.css\');')).toEqual([
      '../../shared/design-tokens.css',
      './b.css',
    ]);
    expect(rules('lti-server/app/src/styles.css', '@import "../../../shared/design-tokens.css";')).toEqual(
      [],
    );
    expect(rules('extension/components/styles.css', '@import "../../shared/design-tokens.css";')).toEqual([]);
    expect(
      rules('extension/components/styles.css', '@import "../../lti-server/app/src/styles.css";'),
    ).toHaveLength(1);
  });

  it('when shared/ imports the server, a Node built-in or an unlisted package, then each is a violation', () => {
    expect(rules('shared/x.ts', "import { y } from '../lti-server/src/y';")).toHaveLength(1);
    expect(rules('shared/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(rules('shared/x.ts', "import express from 'express';")).toHaveLength(1);
    expect(rules('shared/x.ts', "import { z } from 'zod';\nimport { a } from './a';")).toEqual([]);
  });

  it('when the extension imports the server or the server imports the extension, then both are violations', () => {
    expect(rules('extension/lib/a.ts', "import { b } from '../../lti-server/src/b';")).toHaveLength(1);
    expect(rules('lti-server/src/http/a.ts', "import { b } from '../../../extension/lib/b';")).toHaveLength(
      1,
    );
    expect(rules('extension/lib/a.ts', "import { m } from '../../shared/messages';")).toEqual([]);
  });

  it('when the browser app imports server code, then it is a violation', () => {
    expect(rules('lti-server/app/src/a.ts', "import { s } from '../../src/server';")).toHaveLength(1);
    expect(rules('lti-server/app/src/a.ts', "import { s } from '../../../shared/api';")).toEqual([]);
  });

  it('when a lower server layer imports a higher one, then it is a violation', () => {
    expect(rules('lti-server/src/db/a.ts', "import { f } from '../domain/f';")).toHaveLength(1);
    expect(rules('lti-server/src/domain/a.ts', "import { f } from '../http/f';")).toHaveLength(1);
    expect(rules('lti-server/src/http/a.ts', "import { f } from '../domain/f';")).toEqual([]);
    expect(rules('lti-server/src/domain/a.ts', "import { f } from '../db/repositories/f';")).toEqual([]);
  });

  it('when http/ imports db/, as a value or only a type, then it is a violation: the database comes through domain/', () => {
    expect(rules('lti-server/src/http/a.ts', "import { f } from '../db/repositories/f';")).toHaveLength(1);
    expect(rules('lti-server/src/http/a.ts', "import type { Database } from '../db/schema';")).toHaveLength(
      1,
    );
    expect(
      rules('lti-server/src/http/a.ts', "export type { DatabaseHandle } from '../db/database';"),
    ).toHaveLength(1);
    expect(
      rules('lti-server/src/http/a.ts', "import type { DatabaseHandle } from '../domain/database';"),
    ).toEqual([]);
    expect(
      rules('lti-server/src/domain/a.ts', "export type { DatabaseHandle } from '../db/database';"),
    ).toEqual([]);
  });

  it('when http/ imports the sandbox or the sandbox imports http/, domain/, lti/ or cli/, then each is a violation', () => {
    expect(
      rules('lti-server/src/http/app.ts', "import { sandboxRouter } from '../sandbox/routes';"),
    ).toHaveLength(1);
    expect(rules('lti-server/src/sandbox/routes.ts', "import { page } from '../http/html';")).toHaveLength(1);
    expect(
      rules('lti-server/src/sandbox/a.ts', "import type { Actor } from '../domain/actor';"),
    ).toHaveLength(1);
    expect(rules('lti-server/src/sandbox/a.ts', "import type { LtiTool } from '../lti/tool';")).toHaveLength(
      1,
    );
    expect(rules('lti-server/src/sandbox/a.ts', "import { main } from '../cli/platform';")).toHaveLength(1);
  });

  it('when the sandbox uses its repositories, the shared page helpers or shared/, and server.ts mounts it, then none is a violation', () => {
    expect(
      rules('lti-server/src/sandbox/keys.ts', "import { f } from '../db/repositories/sandbox-keys';"),
    ).toEqual([]);
    expect(rules('lti-server/src/sandbox/routes.ts', "import { page } from '../html';")).toEqual([]);
    expect(rules('lti-server/src/http/launch-pages.ts', "import { page } from '../html';")).toEqual([]);
    expect(rules('lti-server/src/sandbox/routes.ts', "import { CLAIM } from '../../../shared/lti';")).toEqual(
      [],
    );
    expect(rules('lti-server/src/server.ts', "import { sandboxRouter } from './sandbox/routes';")).toEqual(
      [],
    );
  });
});

describe('SQL stays in db/, and the domain declares what it needs from lti/', () => {
  it('when a file imports kysely, then only its value imports count: import type and all-type names do not', () => {
    expect(
      valueImportsOf(
        `import type { Kysely } from 'kysely';\nimport { type Selectable, type Insertable } from 'kysely';\nexport type { K } from './k';`,
      ),
    ).toEqual([]);
    expect(
      valueImportsOf(
        `import { type Kysely, sql } from 'kysely';\nimport { Kysely as K } from 'kysely';\nconst k = await import('kysely');`,
      ),
    ).toEqual(['kysely', 'kysely', 'kysely']);
    expect(valueImportsOf(`import type { A } from './a';\nimport { b } from './a';`)).toEqual(['./a']);
  });

  it('when a server file outside db/ imports a kysely value, then it is a violation; a type-only import is not', () => {
    for (const path of [
      'lti-server/src/domain/a.ts',
      'lti-server/src/http/a.ts',
      'lti-server/src/lti/a.ts',
      'lti-server/src/sandbox/a.ts',
      'lti-server/src/server.ts',
    ]) {
      expect(rules(path, "import { sql } from 'kysely';"), path).toHaveLength(1);
      expect(rules(path, "import { type Kysely, sql } from 'kysely';"), path).toHaveLength(1);
      expect(rules(path, "import type { Kysely } from 'kysely';"), path).toEqual([]);
    }
    expect(rules('lti-server/src/db/database.ts', "import { Kysely, sql } from 'kysely';")).toEqual([]);
  });

  it('when a server file outside db/ builds a query, then it is a violation; in db/ or in a comment it is not', () => {
    const query = "await db.selectFrom('people').selectAll().execute();";
    expect(rules('lti-server/src/lti/a.ts', query)).toHaveLength(1);
    expect(
      rules('lti-server/src/domain/a.ts', 'await sql<{ n: number }>`select 1`.execute(db);'),
    ).toHaveLength(1);
    expect(
      rules('lti-server/src/sandbox/a.ts', "await t.deleteFrom('x').execute();\ndb.withTables<{ x: X }>();"),
    ).toHaveLength(2);
    expect(rules('lti-server/src/db/repositories/a.ts', query)).toEqual([]);
    expect(
      rules('lti-server/src/http/a.ts', `// db.selectFrom('people') lives in db/\n/* .insertInto */`),
    ).toEqual([]);
    expect(
      findViolations([{ path: 'lti-server/src/lti/a.ts', source: `/*\n*/\n${query}` }])[0]?.specifier,
    ).toBe('query .selectFrom at line 3');
  });

  it('when the domain imports lti/, types included, then it is a violation; lti/ and http/ may', () => {
    expect(rules('lti-server/src/domain/a.ts', "import type { LtiTool } from '../lti/tool';")).toHaveLength(
      1,
    );
    expect(
      rules('lti-server/src/domain/a.ts', "import { f } from '../lti/dynamic-registration';"),
    ).toHaveLength(1);
    expect(
      rules('lti-server/src/domain/a.ts', "import type { PlatformRegistry } from './platforms';"),
    ).toEqual([]);
    expect(rules('lti-server/src/http/a.ts', "import type { LtiTool } from '../lti/tool';")).toEqual([]);
  });
});
