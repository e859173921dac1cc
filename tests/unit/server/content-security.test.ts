import { describe, expect, it } from 'vitest';
import { appPolicy, cachedFrameAncestors } from '../../../lti-server/src/http/content-security';

describe('the frame-ancestors cache', () => {
  const counting = (results: Array<string[] | Error>) => {
    let loads = 0;
    return {
      load: async () => {
        const next = results[Math.min(loads++, results.length - 1)]!;
        if (next instanceof Error) throw next;
        return next;
      },
      loads: () => loads,
    };
  };

  it('when asked again within its time, then it answers without loading; after it, it loads again', async () => {
    let now = 0;
    const source = counting([['https://a.example'], ['https://a.example', 'https://b.example']]);
    const cache = cachedFrameAncestors(source.load, 60_000, () => now);
    expect(await cache.get()).toEqual(['https://a.example']);
    now = 60_000;
    expect(await cache.get()).toEqual(['https://a.example']);
    expect(source.loads()).toBe(1);
    now = 60_001;
    expect(await cache.get()).toEqual(['https://a.example', 'https://b.example']);
    expect(source.loads()).toBe(2);
  });

  it('when told to forget, then the next answer is loaded afresh', async () => {
    const source = counting([['https://a.example'], ['https://b.example']]);
    const cache = cachedFrameAncestors(source.load, 60_000, () => 0);
    await cache.get();
    cache.forget();
    expect(await cache.get()).toEqual(['https://b.example']);
  });

  it('when a load fails, then the failure is not kept', async () => {
    const source = counting([new Error('database down'), ['https://a.example']]);
    const cache = cachedFrameAncestors(source.load, 60_000, () => 0);
    await expect(cache.get()).rejects.toThrow('database down');
    expect(await cache.get()).toEqual(['https://a.example']);
  });
});

describe("the app's policy", () => {
  it('when platforms are known, then they may frame the app and receive its form, and nothing else is widened', () => {
    const policy = appPolicy(['https://school.instructure.com']);
    expect(policy).toContain("frame-ancestors 'self' https://school.instructure.com");
    expect(policy).toContain("form-action 'self' https://school.instructure.com");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe|\*/);
  });
});
