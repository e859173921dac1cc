import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../../lti-server/app/src/views/settings-view';
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from '../../../shared/settings';
import { type Call, stubApi } from './fake-api';

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
    });
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
  });
});
