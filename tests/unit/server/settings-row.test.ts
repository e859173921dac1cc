import { describe, expect, it } from 'vitest';
import { settingsFromRow } from '../../../lti-server/src/db/repositories/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../../shared/settings';

describe('tenant settings read back from their row', () => {
  it('when there is no row yet, then the defaults apply', () => {
    expect(settingsFromRow(undefined)).toEqual(DEFAULT_TENANT_SETTINGS);
  });

  it('when the row is valid, then it is what the coaches chose', () => {
    const settings = settingsFromRow({
      network_scope: 'deployment',
      coach_roles: JSON.stringify(['membership#TeachingAssistant']),
    });
    expect(settings).toEqual({ networkScope: 'deployment', coachRoles: ['membership#TeachingAssistant'] });
  });

  it('when the stored roles are not JSON or do not validate, then the defaults apply instead of failing the launch', () => {
    expect(settingsFromRow({ network_scope: 'deployment', coach_roles: '[not json' })).toEqual(
      DEFAULT_TENANT_SETTINGS,
    );
    expect(settingsFromRow({ network_scope: 'deployment', coach_roles: '"instructor"' })).toEqual(
      DEFAULT_TENANT_SETTINGS,
    );
    expect(
      settingsFromRow({
        network_scope: 'everywhere' as 'course',
        coach_roles: JSON.stringify(['membership#TeachingAssistant']),
      }),
    ).toEqual(DEFAULT_TENANT_SETTINGS);
  });
});
