import { describe, expect, it } from 'vitest';
import { findViolations, importsOf } from '../../../scripts/check-boundaries';

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
