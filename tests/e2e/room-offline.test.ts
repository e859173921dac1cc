import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RoomLinkSchema } from '../../shared/room';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { decodeQr, openDoorSign } from '../support/browser/qr';
import { doorTomorrow, phoneTab, useRoomTest } from '../support/browser/room';
import type { ApiClient } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { visitHappened } from '../support/server/visit-happened';

/** The screenshot for docs/visits.md: `DOCS_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/room-offline.test.ts`. */
const SCREENSHOTS = process.env.DOCS_SCREENSHOTS === '1';
const WAITING = 'Saved on this phone — will send when online';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let ben: ApiClient;
let dana: ApiClient;

useRoomTest(['ana', 'ben', 'dana'], (room) => {
  ({ server, browser, ana, ben, dana } = room);
});

/** Everything the room page keeps in IndexedDB, as raw records (read with the browser's own API, not the app's). */
async function storedOnThePhone(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('tasting-menu-room');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...db.objectStoreNames], 'readonly');
          const rows: unknown[] = [];
          for (const name of db.objectStoreNames) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => rows.push(...all.result.map((r) => ({ store: name, ...r })));
          }
          tx.oncomplete = () => resolve(rows);
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Ben's notes on the server for this visit, read through the API (the test's own connection is never cut). */
async function notesOnTheServer(visitId: string): Promise<Array<{ text: string; prompt: string }>> {
  const res = await ben.get(`/api/notes?which=written&visitId=${visitId}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('the room note mode without a connection', () => {
  it('when the network drops mid-visit, then two notes are kept sealed on the phone, survive a reload offline, and reach the server once each when it returns', {
    timeout: 240_000,
  }, async () => {
    const title = 'Numbered heads together';
    const doorId = await doorTomorrow(ana, dana, title, {
      start: '11:00',
      location: 'Room 21',
      lookFor: 'How each group checks that everyone can answer',
    });
    await visitHappened(server, doorId, 2);

    // Ana prints her door sign; Ben's phone signs in with a link from the LMS, then scans the sign's QR code.
    const host = await openDoorSign(browser, server.url, ana.token, doorId);
    const scanned = await decodeQr(host.getByRole('article', { name: 'The door sign' }).locator('img.qr'));
    await host.close();
    const link = RoomLinkSchema.parse((await ben.post('/api/room-links', {})).body);
    const phone = await phoneTab(browser);
    await phone.goto(link.url);
    await phone.getByRole('heading', { name: 'You are signed in' }).waitFor();
    await phone.goto(scanned);
    await phone.getByRole('heading', { name: title }).waitFor();
    await phone.getByRole('button', { name: 'Join and write notes' }).click();
    const box = phone.getByLabel(/Your note:/);
    await box.waitFor();
    const visitPath = new URL(phone.url()).pathname;
    const visitId = visitPath.replace('/room/visit/', '');
    expect(visitPath).toMatch(/^\/room\/visit\/[\w-]+$/);
    // The room page's service worker controls it (scope /room/ only). The worker claims the pages open when it
    // activates; a page that was still loading then (Join navigated while the worker installed) is controlled from its
    // next load, as every later load is: so wait a little for the claim, else load the page again (seen in CI).
    const scope = await phone.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/room/`);
    const controlled = () => navigator.serviceWorker.controller !== null;
    if (!(await phone.waitForFunction(controlled, undefined, { timeout: 5_000 }).catch(() => false))) {
      await phone.reload();
      await box.waitFor();
      await phone.waitForFunction(controlled);
    }

    // The school Wi-Fi drops.
    await browser.context.setOffline(true);
    await phone.getByText('You are offline.').waitFor();

    const first = 'Each group put their heads together, then the numbered student answered aloud.';
    await box.fill(first);
    await phone.getByText('Nothing flagged: no names, judgments or guesses.').waitFor();
    const save = phone.getByRole('button', { name: 'Save note' });
    await save.click();
    await phone.getByText(`${WAITING}.`).waitFor();
    expect(await box.inputValue()).toBe('');

    // Linted on the phone, offline too: a name is stopped before anything is kept.
    await box.fill('Ms Rivera called number three.');
    await save.click();
    await phone.getByText('Remove the names first.').waitFor();

    await phone.getByText('Look-for and prompts').click();
    await phone.getByLabel('What did the teacher say or do?').check();
    const second = 'The teacher called a number and waited until that student in every group stood up.';
    await box.fill(second);
    await phone.getByText('Nothing flagged: no names, judgments or guesses.').waitFor();
    await save.click();
    await phone.getByRole('heading', { name: 'Saved for this visit (2)' }).waitFor();
    await expect.poll(() => phone.getByText(WAITING, { exact: true }).count()).toBe(2);
    await expectNoAxeViolations(phone);
    if (SCREENSHOTS) {
      // The prompts folded again, so the notes waiting on the phone are on the first screen.
      await phone.getByText('Look-for and prompts').click();
      await phone.evaluate(() => window.scrollTo(0, 0));
      await phone.screenshot({ path: 'docs/images/room-offline.png' });
    }

    // Kept on the phone, sealed: no note's words, prompt or host in what IndexedDB holds.
    const stored = await storedOnThePhone(phone);
    const pending = stored.filter((r) => (r as { store: string }).store === 'outbox');
    expect(pending).toHaveLength(2);
    const raw = JSON.stringify(stored);
    for (const words of [first, second, 'answered aloud', 'stood up', 'teacher', 'students', 'Ana Rivera'])
      expect(raw).not.toContain(words);
    expect(await notesOnTheServer(visitId)).toEqual([]);

    // Reloaded with no connection: the service worker opens the page, with the notes still waiting.
    const reloaded = await phone.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await phone.getByRole('heading', { name: title }).waitFor();
    await phone.getByRole('heading', { name: 'Saved for this visit (2)' }).waitFor();
    await expect.poll(() => phone.getByText(WAITING, { exact: true }).count()).toBe(2);
    await phone.getByText('You are offline.').waitFor();
    await expectNoAxeViolations(phone);

    // The connection returns: both notes are sent, and the phone keeps nothing of them.
    await browser.context.setOffline(false);
    await expect.poll(() => phone.getByText('Sent', { exact: true }).count(), { timeout: 30_000 }).toBe(2);
    await phone.getByRole('heading', { name: 'Saved for this visit (2)' }).waitFor();
    expect(await phone.getByText(WAITING, { exact: true }).count()).toBe(0);
    expect(
      (await storedOnThePhone(phone)).filter((r) => (r as { store: string }).store === 'outbox'),
    ).toEqual([]);
    await expectNoAxeViolations(phone);

    // On the server: each note once, with its prompt, about the host's room.
    const written = await notesOnTheServer(visitId);
    expect(written.filter((n) => n.text === first).map((n) => n.prompt)).toEqual(['students']);
    expect(written.filter((n) => n.text === second).map((n) => n.prompt)).toEqual(['teacher']);
    expect(written).toHaveLength(2);
    const rows = await server.database.db
      .selectFrom('notes')
      .select(['text', 'client_id'])
      .where('visit_id', '=', visitId)
      .execute();
    expect(rows.map((r) => r.text).sort()).toEqual([first, second].sort());
    expect(rows.every((r) => r.client_id !== null)).toBe(true);
    const about = (await ana.get('/api/notes?which=about')).body.items as Array<{ text: string }>;
    expect(about.filter((n) => n.text === first || n.text === second)).toHaveLength(2);

    // Opening the page again sends nothing twice.
    await phone.reload();
    await phone.getByRole('heading', { name: 'Saved for this visit (2)' }).waitFor();
    expect(await notesOnTheServer(visitId)).toHaveLength(2);
    await phone.close();
  });
});
