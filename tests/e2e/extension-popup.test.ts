import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { TestServer } from '../support/server/test-server';

let server: TestServer;
let browser: BrowserSession;

useBrowserTest({ browser: { extension: true } }, (test) => {
  ({ server, browser } = test);
});

describe('the extension loaded unpacked in Chromium', () => {
  it('when the teacher saves the server address in Options, then Options and the popup report it connected', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const field = options.getByLabel("Your school's Tasting Menu address");
    await expect.poll(() => field.inputValue()).toBe('http://localhost:3000');
    await field.fill(`${server.url}/`);
    await options.getByRole('button', { name: 'Save and check' }).click();
    await options.getByText(`Connected to ${server.url} (version 0.1.0)`).waitFor();
    await expectNoAxeViolations(options);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText(`Connected to ${server.url}`).waitFor();
    expect(await popup.getByTestId('outbox').textContent()).toBe('No clips waiting to be sent.');
    await expectNoAxeViolations(popup);
    await popup.close();
    await options.close();
  });

  it('when the address is not a web address, then Options explains it and keeps what was typed', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const field = options.getByLabel("Your school's Tasting Menu address");
    await field.fill('tasting menu');
    await options.getByRole('button', { name: 'Save and check' }).click();
    await options.getByText('That is not a web address').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe('tasting menu');
    await expectNoAxeViolations(options);
    await options.close();
  });

  it('when default tags are saved in Options, then a new clip starts with them', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Tags for every new clip').fill('Science, grade 7, science');
    await options.getByRole('button', { name: 'Save tags' }).click();
    await options.getByText('Saved: new clips start with these tags.').waitFor();
    expect(await options.getByLabel('Tags for every new clip').inputValue()).toBe('science, grade 7');
    await expectNoAxeViolations(options);
    const clip = await browser.context.newPage();
    await clip.goto(`chrome-extension://${browser.extensionId}/clip.html?text=Hello`);
    await expect.poll(() => clip.getByLabel('Tags').inputValue()).toBe('science, grade 7');
    await clip.close();
    await options.close();
  });

  it('when the server is down, then the popup says it cannot reach it and what to do', async () => {
    const url = server.url;
    await server.close();
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup
      .getByText(`${url}: Can't reach the server. Is it running? Check the address in Options.`)
      .waitFor();
    await expectNoAxeViolations(popup);
    await popup.close();
  });
});
