import { describe, expect, it } from 'vitest';
import { isOwnLaunchTarget, launchUrlsOf } from '../../../lti-server/src/lti/login-target';

const LAUNCH = 'https://menu.school.example/lti/launch';
const OWN = launchUrlsOf('https://menu.school.example');

describe('the target_link_uri a login may send on to the platform', () => {
  it('when it is the launch URL, with or without a query, then it is accepted', () => {
    for (const target of [
      LAUNCH,
      `${LAUNCH}?strategy=abc`,
      `${LAUNCH}?a=1&b=2`,
      'HTTPS://MENU.school.example/lti/launch',
      // Schoology apps set up with the bare server address post their launches to the root.
      'https://menu.school.example/',
      'https://menu.school.example',
    ]) {
      expect(isOwnLaunchTarget(target, OWN), target).toBe(true);
    }
  });

  it('when it points anywhere else or hides another host, then it is refused', () => {
    for (const target of [
      'https://evil.example/steal',
      'https://evil.example/lti/launch',
      'https://menu.school.example.evil.example/lti/launch',
      'https://menu.school.example/lti/launch/',
      'https://menu.school.example/lti/launchx',
      'https://menu.school.example/lti/launch/../../steal',
      'https://menu.school.example/lti/launch#frag',
      'https://menu.school.example:8443/lti/launch',
      'http://menu.school.example/lti/launch',
      'https://evil.example@menu.school.example/lti/launch',
      'https://menu.school.example\\@evil.example/lti/launch',
      '//menu.school.example/lti/launch',
      '/lti/launch',
      '',
    ]) {
      expect(isOwnLaunchTarget(target, OWN), target).toBe(false);
    }
  });

  it('when it is not one string (repeated or missing), then it is refused', () => {
    expect(isOwnLaunchTarget([LAUNCH], OWN)).toBe(false);
    expect(isOwnLaunchTarget(undefined, OWN)).toBe(false);
  });
});
