import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationNames } from '../../../lti-server/src/db/migrations';

const FOLDER = join(import.meta.dirname, '../../../lti-server/src/db/migrations');

describe('the list of migrations', () => {
  it('when a migration file exists, then the list runs it, under its file name, in name order', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => /^\d{4}-.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrationNames()).toEqual(files);
  });
});
