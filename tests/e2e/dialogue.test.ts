import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs, reloadFrame } from '../support/browser/lms-page';
import { useBrowserTest } from '../support/browser/use-browser-test';
import type { ApiClient } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { visitHappened } from '../support/server/visit-happened';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let ben: ApiClient;
let chloe: ApiClient;
let dana: ApiClient;

useBrowserTest({ colleagues: ['ana', 'ben', 'chloe', 'dana'] }, (test) => {
  ({ server, browser, ana, ben, chloe, dana } = test);
});

describe('the reflective dialogue after a visit', () => {
  it('when the visitor writes and the host replies, then both read the thread and a third teacher cannot see it', async () => {
    const strategyId = await approvedStrategy(ana, dana, { title: 'Card sorts', tags: ['discussion'] });
    const door = await ana.post('/api/doors', {
      strategyId,
      date: daysFromNow(6),
      start: '09:00',
      timeZone: 'UTC',
      location: 'Room 12',
    });
    const doorId = door.body.items[0].id as string;
    expect((await ben.post('/api/visits', { doorId })).status).toBe(201);
    await visitHappened(server, doorId);

    const noticed = 'Students sorted the cards in pairs and read each card aloud before placing it.';
    const visitor = await openToolAs(browser, server, 'sandbox-ben-okafor');
    await visitor.tool.getByRole('link', { name: 'My visits' }).click();
    await visitor.tool.getByRole('link', { name: 'Reflective dialogue with Ana Rivera' }).click();
    await visitor.tool.getByRole('heading', { name: 'Reflective dialogue' }).waitFor();
    const box = visitor.tool.getByLabel('What I noticed');
    await box.fill('Great engagement!');
    await visitor.tool.locator('.flag-words', { hasText: 'Great' }).waitFor();
    await expectNoAxeViolations(visitor.page);
    await box.fill(noticed);
    await visitor.tool.getByRole('button', { name: 'Save “What I noticed”' }).click();
    await visitor.tool.locator('.note-text', { hasText: noticed }).waitFor();
    await visitor.tool
      .getByLabel('What I’m wondering')
      .fill('I wonder what the pairs do with a card neither can read.');
    await visitor.tool.getByRole('button', { name: 'Save “What I’m wondering”' }).click();
    await visitor.tool.getByText(/Ana Rivera can read it now/).waitFor();
    await expectNoAxeViolations(visitor.page);

    const host = await openToolAs(browser, server, 'sandbox-ana-rivera');
    await host.tool.evaluate((id) => {
      window.location.hash = `#/doors/${id}/dialogue`;
    }, doorId);
    await host.tool.getByText(noticed).waitFor();
    expect(await host.tool.locator('.prompt', { hasText: 'Ben Okafor' }).count()).toBe(2);
    await host.tool
      .getByLabel('My reply')
      .fill('The cards were new to them; the reading aloud was their own idea.');
    await host.tool.getByRole('button', { name: 'Save “My reply”' }).click();
    await host.tool.getByText(/Your visitors can read it now/).waitFor();
    await host.tool
      .getByLabel('What I’ll try next')
      .fill('I will try adding a blank card for pairs to write their own.');
    await host.tool.getByRole('button', { name: 'Save “What I’ll try next”' }).click();
    await host.tool.locator('.note-text', { hasText: 'a blank card' }).waitFor();
    await expectNoAxeViolations(host.page);

    await reloadFrame(visitor.tool);
    await visitor.tool
      .getByText('The cards were new to them; the reading aloud was their own idea.')
      .waitFor();

    // A third teacher and the coach: the thread does not exist for them.
    const third = await openToolAs(browser, server, 'sandbox-chloe-martin');
    await third.tool.evaluate((id) => {
      window.location.hash = `#/doors/${id}/dialogue`;
    }, doorId);
    await third.tool.getByRole('alert').waitFor();
    const seen = (await third.tool.locator('main').textContent()) ?? '';
    expect(seen).not.toMatch(/sorted the cards|blank card|reading aloud/);
    await expectNoAxeViolations(third.page);
    expect((await chloe.get(`/api/doors/${doorId}/dialogue`)).status).toBe(404);
    expect((await dana.get(`/api/doors/${doorId}/dialogue`)).status).toBe(404);
  });
});
