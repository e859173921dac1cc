import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../../lti-server/app/src/views/settings-view';
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from '../../../shared/settings';
import { expectNoAxeViolations } from './axe';
import { type Call, errorBody, stubApi } from './fake-api';

/** A fake server holding one tenant's settings. */
function settingsApi(start: TenantSettings = DEFAULT_TENANT_SETTINGS): Call[] {
  let stored = start;
  return stubApi((c) => {
    if (c.url.pathname === '/api/settings' && c.method === 'GET') return { body: stored };
    if (c.url.pathname === '/api/settings' && c.method === 'PUT') {
      stored = c.body as TenantSettings;
      return { body: stored };
    }
    return undefined;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the coach roles in Settings', () => {
  it('when it opens with the defaults, then designers and the coach claim are ticked and no administrator role is', async () => {
    settingsApi();
    render(<SettingsView token="t" />);
    const designer = await screen.findByRole('checkbox', { name: 'Course designer' });
    expect(designer).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Course staff the LMS marks as coach' })).toHaveProperty(
      'checked',
      true,
    );
    for (const name of [
      'Any school or district administrator',
      'LMS site administrator',
      'LMS system administrator',
      'Teaching assistant',
    ]) {
      expect(screen.getByRole('checkbox', { name })).toHaveProperty('checked', false);
    }
    // Each choice says what the LMS sends for it, so an administrator can map it to their own roles.
    const admin = screen.getByRole('checkbox', { name: 'Any school or district administrator' });
    expect(admin.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(admin.getAttribute('aria-describedby')!)?.textContent).toContain(
      'every account role, custom ones included',
    );
  });

  it('when a coach adds school administrators and saves, then the new mapping is sent', async () => {
    const calls = settingsApi();
    render(<SettingsView token="t" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Any school or district administrator' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      networkScope: 'course',
      coachRoles: ['membership#ContentDeveloper', 'custom#coach', 'institution#Administrator'],
      schoolDay: { timeZone: null, periods: [] },
      subjects: DEFAULT_TENANT_SETTINGS.subjects,
      grades: DEFAULT_TENANT_SETTINGS.grades,
    });
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
  });
});

describe('the subject list in Settings', () => {
  it('when a coach edits the subjects, one per line, then the trimmed list is sent and shown as saved', async () => {
    const calls = settingsApi();
    render(<SettingsView token="t" />);
    const field = (await screen.findByLabelText('Subjects, one per line')) as HTMLTextAreaElement;
    expect(field.value.split('\n')).toEqual(DEFAULT_TENANT_SETTINGS.subjects);
    fireEvent.input(field, { target: { value: ' Biology \n\nChemistry\nSocial studies ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Saved\./);
    expect((calls.find((c) => c.method === 'PUT')!.body as TenantSettings).subjects).toEqual([
      'Biology',
      'Chemistry',
      'Social studies',
    ]);
    expect(field.value).toBe('Biology\nChemistry\nSocial studies');
    await expectNoAxeViolations();
  });
});

describe('the grade list in Settings', () => {
  it('when a coach keeps single grades, one per line, then the trimmed list is sent and shown as saved', async () => {
    const calls = settingsApi();
    render(<SettingsView token="t" />);
    const field = (await screen.findByLabelText('Grades, one per line')) as HTMLTextAreaElement;
    expect(field.value.split('\n')).toEqual(['Any', 'K-2', '3-5', '6-8', '9-12']);
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toContain(
      '“7th”, “Grade 7” or “gr7” as 7',
    );
    fireEvent.input(field, { target: { value: ' K \n1\n\n2\n3 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Saved\./);
    const sent = calls.find((c) => c.method === 'PUT')!.body as TenantSettings;
    expect(sent.grades).toEqual(['K', '1', '2', '3']);
    expect(sent.subjects).toEqual(DEFAULT_TENANT_SETTINGS.subjects);
    expect(field.value).toBe('K\n1\n2\n3');
    await expectNoAxeViolations();
  });
});

describe('the school’s name in Settings', () => {
  it('when a coach names the school, then the trimmed name is sent and the status says so; axe finds nothing', async () => {
    let platform = {
      name: 'Sandbox LMS',
      schoolName: null as string | null,
      issuer: 'https://lms.test',
      clientId: 'c1',
      deploymentId: 'd1',
      deploymentRecorded: 'registered',
      registeredSince: '2026-01-01T00:00:00.000Z',
    };
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/settings') return { body: DEFAULT_TENANT_SETTINGS };
      if (c.url.pathname === '/api/settings/platform') return { body: platform };
      if (c.url.pathname === '/api/settings/school-name') {
        const { schoolName } = c.body as { schoolName: string };
        if (schoolName.trim() === 'X')
          return {
            status: 400,
            body: errorBody('VALIDATION_FAILED', 'School name is not valid', [
              { path: 'schoolName', message: 'Type the whole school name' },
            ]),
          };
        platform = { ...platform, schoolName: schoolName.trim() || null };
        return { body: platform };
      }
      return undefined;
    });
    render(<SettingsView token="t" />);
    const field = (await screen.findByLabelText('School name')) as HTMLInputElement;
    expect(field.value).toBe('');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toContain(
      'the LMS’s name, Sandbox LMS',
    );
    fireEvent.input(field, { target: { value: 'X' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the school’s name' }));
    expect(await screen.findByText('Type the whole school name')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: ' Maple Grove Middle School ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the school’s name' }));
    expect(
      await screen.findByText('Saved. District networks show your school as Maple Grove Middle School.'),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { schoolName: 'X' },
      { schoolName: ' Maple Grove Middle School ' },
    ]);
    expect(field.value).toBe('Maple Grove Middle School');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    await expectNoAxeViolations();
  });
});
