import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { PlatformInfoSchema, TenantSettingsSchema } from '../../shared/settings';
import { launchAs } from '../support/server/api-client';
import { sandboxLaunch } from '../support/server/form-browser';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
describe('tenant settings', () => {
  it('when nothing was chosen, then each course has its own menu and only designers and the coach claim make coaches', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const settings = TenantSettingsSchema.parse((await dana.get('/api/settings')).body);
    expect(settings.networkScope).toBe('course');
    expect(settings.coachRoles).toEqual(['membership#ContentDeveloper', 'custom#coach']);
  });

  it('when a coach chooses the coach claim and a school-wide role, then both are kept in the order given', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const roles = ['custom#coach', 'system#SysAdmin', 'membership#ContentDeveloper'];
    const saved = await dana.put('/api/settings', { networkScope: 'course', coachRoles: roles });
    expect(saved.status).toBe(200);
    expect(TenantSettingsSchema.parse((await dana.get('/api/settings')).body).coachRoles).toEqual(roles);
    await server.database.db.deleteFrom('tenant_settings').execute();
  });

  it('when a coach makes the menu school-wide, then launches from any course land in one network', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const saved = await dana.put('/api/settings', {
      networkScope: 'deployment',
      coachRoles: ['institution#Administrator'],
    });
    expect(saved.status).toBe(200);
    const a = MeSchema.parse((await (await launchAs(server, 'sandbox-ana-rivera')).get('/api/me')).body);
    const b = MeSchema.parse(
      (await (await launchAs(server, 'sandbox-ana-rivera', { course: 'sandbox-course-9eng' })).get('/api/me'))
        .body,
    );
    expect(a.network.id).toBe(b.network.id);
    expect(a.network).toMatchObject({ scope: 'deployment', title: 'Sandbox LMS (school-wide)' });
    await dana.put('/api/settings', { networkScope: 'course', coachRoles: ['institution#Administrator'] });
  });

  it('when the coach roles change, then the next launch maps roles by the new list', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    await dana
      .put('/api/settings', { networkScope: 'course', coachRoles: ['membership#Instructor' as never] })
      .then((r) => expect(r.status).toBe(400));
    await dana.put('/api/settings', { networkScope: 'course', coachRoles: ['system#SysAdmin'] });
    // Dana is a designer and an institution Administrator, neither a coach role here: she launches as a teacher now.
    const launch = await sandboxLaunch(server.url, 'sandbox-dana-kim');
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${launch.token}` } });
    expect(MeSchema.parse(await me.json()).person.role).toBe('teacher');
    // Restore through the database, since nobody in the sandbox is a SysAdmin.
    await server.database.db.deleteFrom('tenant_settings').execute();
  });

  it('when the input is bad, then each field gets a message and nothing changes', async () => {
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const res = await dana.put('/api/settings', { networkScope: 'everywhere', coachRoles: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'networkScope',
      'coachRoles',
    ]);
    expect(TenantSettingsSchema.parse((await dana.get('/api/settings')).body).networkScope).toBe('course');
  });

  it('when a teacher asks for or changes the settings, then it is forbidden', async () => {
    const ana = await launchAs(server, 'sandbox-ana-rivera');
    expect((await ana.get('/api/settings')).status).toBe(403);
    expect(
      (await ana.put('/api/settings', { networkScope: 'deployment', coachRoles: ['system#SysAdmin'] }))
        .status,
    ).toBe(403);
    expect((await ana.get('/api/settings/platform')).status).toBe(403);
  });

  it('when a coach looks at the LMS registration, then they see their own platform and deployments only', async () => {
    await launchAs(server, 'sandbox-ana-rivera', { deploymentId: 'other-school' });
    const dana = await launchAs(server, 'sandbox-dana-kim');
    const info = PlatformInfoSchema.parse((await dana.get('/api/settings/platform')).body);
    expect(info).toMatchObject({
      name: 'Sandbox LMS',
      clientId: 'tasting-menu-sandbox',
      deploymentId: 'sandbox-school',
      deploymentRecorded: 'registered',
    });
    expect(JSON.stringify(info)).not.toContain('other-school');
  });
});
