import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { send } from '../../../extension/lib/messaging';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const settings = { ok: true, value: { serverUrl: 'https://tm.example', defaultTags: [] } };

describe('sending a request to the background', () => {
  it('when the background is still starting, then the request is sent again and answered', async () => {
    const sendMessage = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(settings as never);
    await expect(send({ type: 'settings/get' }, [1, 1, 1])).resolves.toEqual(settings.value);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('when the background never answers, then the page gets a clear error after the retries', async () => {
    const sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await expect(send({ type: 'settings/get' }, [1, 1])).rejects.toThrow('The extension did not answer.');
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('when the background reports an error, then it is thrown at once, without retrying', async () => {
    const sendMessage = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, error: 'Pair this browser first.' } as never);
    await expect(send({ type: 'settings/get' }, [1, 1])).rejects.toThrow('Pair this browser first.');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('when sending fails for another reason, then it is thrown at once', async () => {
    const sendMessage = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(send({ type: 'settings/get' }, [1, 1])).rejects.toThrow('Extension context invalidated.');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
