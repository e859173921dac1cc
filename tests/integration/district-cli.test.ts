import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lti-server/src/db/database';
import { upsertTenant } from '../../lti-server/src/db/repositories/tenants';
import { usePlatformCli } from '../support/server/platform-cli';

const cli = usePlatformCli();
const run = cli.run;

const school = ['--issuer', 'https://lms.example.edu', '--client-id', 'tool-1', '--deployment', 'east-high'];

describe('npm run platform -- district-…', () => {
  it('when an operator creates a district and adds a school that launched, then the school is invited, not a member', async () => {
    const created = await run('district-create', '--name', 'River District');
    expect(created.code, created.err).toBe(0);
    const id = /id (\S+)\./.exec(created.out)?.[1] ?? '';
    expect(id).not.toBe('');

    // A deployment nobody launched from has no school yet: it says so and adds nothing.
    const early = await run('district-add', '--district', id, ...school);
    expect(early.code).toBe(1);
    expect(early.err).toContain('must launch the tool first');

    const handle = openDatabase(cli.database.target);
    try {
      await upsertTenant(
        handle.db,
        { issuer: 'https://lms.example.edu', clientId: 'tool-1', deploymentId: 'east-high' },
        'East High',
        new Date().toISOString(),
      );
    } finally {
      await handle.close();
    }
    const added = await run('district-add', '--district', id, ...school);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('Invited East High');
    const list = await run('districts');
    expect(list.out).toContain('River District');
    expect(list.out).toContain('East High: invited');

    // district-remove takes the school out again; a second time there is nothing to remove.
    const removed = await run('district-remove', '--district', id, ...school);
    expect(removed.code, removed.err).toBe(0);
    expect(removed.out).toContain('Removed East High from the district network; 0 visit(s)');
    expect((await run('districts')).out).not.toContain('East High');
    const again = await run('district-remove', '--district', id, ...school);
    expect(again.code).toBe(1);
    expect(again.err).toContain('in this district');
  });

  it('when district-add misses its district or deployment, then it refuses with the usage', async () => {
    const res = await run('district-add', '--issuer', 'https://lms.example.edu', '--client-id', 'tool-1');
    expect(res.code).toBe(2);
    expect(res.err).toContain('district-add needs --district and exactly one --deployment');
    expect((await run('district-create')).code).toBe(2);
    const remove = await run(
      'district-remove',
      '--issuer',
      'https://lms.example.edu',
      '--client-id',
      'tool-1',
    );
    expect(remove.code).toBe(2);
    expect(remove.err).toContain('district-remove needs --district and exactly one --deployment');
  });
});
