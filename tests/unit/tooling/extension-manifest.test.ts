import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { homepageUrl } from '../../../extension/lib/homepage-url';

type ManifestFn = (env: {
  browser: string;
  manifestVersion: 2 | 3;
  mode: string;
  command: string;
}) => Record<string, unknown>;
const manifest = (browser: string) =>
  (config.manifest as ManifestFn)({
    browser,
    manifestVersion: browser === 'firefox' ? 2 : 3,
    mode: 'production',
    command: 'build',
  });

describe('the extension manifest for the stores', () => {
  it('when built for Chrome, then it needs Chrome 114 (the side panel) and names no Firefox settings', () => {
    const chrome = manifest('chrome');
    expect(chrome.minimum_chrome_version).toBe('114');
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('when built for Firefox, then it needs Firefox 140 (data collection permissions) and declares what it sends', () => {
    const firefox = manifest('firefox');
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'tasting-menu@tasting-menu.app',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['websiteContent', 'authenticationInfo'] },
      },
    });
  });
});

describe('the home page the stores link to', () => {
  it('when the build knows the school server, then it is the server privacy page', () => {
    expect(homepageUrl({ serverUrl: 'tm.lincoln-high.org/', repository: 'acme/tasting-menu' })).toEqual({
      url: 'https://tm.lincoln-high.org/privacy',
    });
    expect(homepageUrl({ serverUrl: 'localhost:3000' })).toEqual({ url: 'http://localhost:3000/privacy' });
    expect(() => homepageUrl({ serverUrl: 'http://tm.lincoln-high.org' })).toThrow(/EXTENSION_SERVER_URL/);
  });

  it('when it does not, then it is docs/privacy.md in the project repository, or none with the reason', () => {
    for (const repository of [
      'acme/tasting-menu',
      'github:acme/tasting-menu',
      'https://github.com/acme/tasting-menu',
      { type: 'git', url: 'git+https://github.com/acme/tasting-menu.git' },
    ]) {
      expect(homepageUrl({ repository })).toEqual({
        url: 'https://github.com/acme/tasting-menu/blob/HEAD/docs/privacy.md',
      });
    }
    expect(homepageUrl({ serverUrl: ' ' })).toMatchObject({
      url: undefined,
      reason: expect.stringMatching(/EXTENSION_SERVER_URL/),
    });
  });
});
