import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoAxeViolations } from '../support/browser/browser';
import { openToolAs } from '../support/browser/lms-page';
import { decodeQr, openDoorSign } from '../support/browser/qr';
import { doorTomorrow, PHONE, phoneTab, useRoomTest } from '../support/browser/room';
import type { ApiClient } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { visitHappened } from '../support/server/visit-happened';

/** The smallest tap target WCAG 2.5.5 (and Apple's and Google's guides) ask for. */
const MIN_TAP = 44;
/** Screens for docs/visits.md: `DOCS_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/room.test.ts`. */
const SCREENSHOTS = process.env.DOCS_SCREENSHOTS === '1';

let server: TestServer;
let browser: BrowserSession;
let ana: ApiClient;
let ben: ApiClient;
let dana: ApiClient;

useRoomTest(['ana', 'ben', 'dana'], (room) => {
  ({ server, browser, ana, ben, dana } = room);
});

/** The size of each page of a PDF, in points (1/72 in), from its MediaBox entries. */
function pageSizes(pdf: Buffer): Array<{ width: number; height: number }> {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** Every visible control on the page that is narrower or lower than MIN_TAP, named for the failure message. */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a[href], summary, textarea, input:not([type="radio"]), select, label.room-choice',
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < min || box.height < min)
        small.push(
          `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  }, MIN_TAP);
}

async function myLinkFromTheLms(user: string): Promise<{ frame: Frame; url: string }> {
  const lms = await openToolAs(browser, server, user);
  await lms.tool.getByRole('navigation').getByRole('link', { name: 'My visits' }).click();
  await lms.tool.getByRole('button', { name: 'Use my phone in the room' }).click();
  const url = await decodeQr(lms.tool.locator('.room-link img.qr'));
  // The same link is offered to open in a new tab, outside the LMS frame.
  expect(await lms.tool.getByRole('link', { name: 'Open in a new tab' }).getAttribute('href')).toBe(url);
  expect(await lms.tool.getByRole('link', { name: 'Open in a new tab' }).getAttribute('target')).toBe(
    '_blank',
  );
  await expectNoAxeViolations(lms.page);
  return { frame: lms.tool, url };
}

describe('the door sign and the room note mode on a phone', () => {
  it('when a host prints the door sign, then it fits A4 and US Letter, and a visitor who scans it on a phone joins on the spot and saves notes', {
    timeout: 240_000,
  }, async () => {
    const title = 'Think-pair-share with sentence stems';
    const doorId = await doorTomorrow(ana, dana, title, {
      start: '10:00',
      location: 'Room 14',
      capacity: 2,
      lookFor: 'How partners use the stems to build on each other',
    });

    // The host's door sign, from the door page (top level: a printout of the LMS frame would be the frame alone).
    const host = await openDoorSign(browser, server.url, ana.token, doorId);
    const sign = host.getByRole('article', { name: 'The door sign' });
    await sign.getByText('Come in — I’m working on').waitFor();
    await sign.getByRole('heading', { name: title }).waitFor();
    await sign.getByText('How partners use the stems to build on each other').waitFor();
    await sign.getByText(/10:00/).waitFor();
    await expectNoAxeViolations(host);
    const scanned = await decodeQr(sign.locator('img.qr'));
    expect(scanned).toBe(`${server.url}/room/door/${doorId}`);
    expect(scanned).not.toMatch(/#|signin|session/);

    for (const [paper, label, size] of [
      ['a4', 'A4', { width: 595.3, height: 841.9 }],
      ['letter', 'US Letter', { width: 612, height: 792 }],
    ] as const) {
      await host.getByLabel(label).check();
      await host.locator(`.sign[data-paper="${paper}"]`).waitFor();
      const pdf = await host.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = pageSizes(pdf);
      expect(pages, `${paper} prints on one page`).toHaveLength(1);
      expect(pages[0]!.width).toBeCloseTo(size.width, -0.5);
      expect(pages[0]!.height).toBeCloseTo(size.height, -0.5);
    }
    if (SCREENSHOTS) {
      await host.setViewportSize({ width: 760, height: 1000 });
      await sign.screenshot({ path: 'docs/images/door-sign.png' });
    }

    // A visitor's phone, not signed in: the sign's address asks them to sign in first, and books nothing.
    const phone = await phoneTab(browser);
    await phone.goto(scanned);
    await phone.getByRole('heading', { name: 'Sign in first' }).waitFor();
    await expectNoAxeViolations(phone);
    expect((await ana.get(`/api/doors/${doorId}`)).body.booked).toBe(0);

    // From the LMS: a single-use sign-in link for the phone, scanned from the screen.
    const { url: signInUrl } = await myLinkFromTheLms('sandbox-ben-okafor');
    await phone.goto(signInUrl);
    await phone.getByRole('heading', { name: 'You are signed in' }).waitFor();
    expect(phone.url()).not.toContain('signin');
    // The link is used up.
    const reuse = await fetch(`${server.url}/api/room-links/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(signInUrl).hash.replace('#signin=', '') }),
    });
    expect(reuse.status).toBe(401);

    // The visit has begun (doors open only in the future, so the clock is moved): the visitor scans the sign again.
    await visitHappened(server, doorId, 2);
    await phone.goto(scanned);
    await phone.getByRole('heading', { name: title }).waitFor();
    await expectNoAxeViolations(phone);
    await phone.getByRole('button', { name: 'Join and write notes' }).click();

    // The note mode: the note box first, the countdown, Save in view.
    const box = phone.getByLabel(/Your note:/);
    await box.waitFor();
    expect(new URL(phone.url()).pathname).toMatch(/^\/room\/visit\//);
    expect((await ana.get(`/api/doors/${doorId}`)).body.booked).toBe(1);
    const timer = phone.getByRole('timer');
    expect(await timer.textContent()).toMatch(/^[78]:\d\d left · ends /);
    const boxTop = (await box.boundingBox())!.y;
    expect(boxTop).toBeLessThan(200);

    await box.fill('Great job, Ms Rivera!');
    const flagged = phone.locator('.flag-words', { hasText: 'Ms Rivera' });
    await flagged.waitFor();
    // The linter's feedback sits right under the text, on the first screen.
    expect((await flagged.boundingBox())!.y).toBeLessThan(PHONE.height);
    const save = phone.getByRole('button', { name: 'Save note' });
    const saveBox = (await save.boundingBox())!;
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(PHONE.height);
    await save.click();
    await phone.getByText('Remove the names first.').waitFor();

    const first = 'Partners read the stem aloud, then each finished it with a step of their method.';
    await box.fill(first);
    await phone.getByText('Nothing flagged: no names, judgments or guesses.').waitFor();
    await save.click();
    await phone.getByRole('heading', { name: 'Saved for this visit (1)' }).waitFor();
    expect(await box.inputValue()).toBe('');

    // The look-for and the prompts, one tap away.
    await phone.getByText('Look-for and prompts').click();
    await phone.getByText('How partners use the stems to build on each other').waitFor();
    await phone.getByLabel('What did the teacher say or do?').check();
    await phone.getByText('Your note: What did the teacher say or do?').waitFor();
    const second = 'The teacher pointed to the stem on the board and waited for a partner to answer.';
    await box.fill(second);
    await phone.getByText('Nothing flagged: no names, judgments or guesses.').waitFor();
    // With the page scrolled to the end and to the top, Save stays on the screen.
    for (const scroll of ['end', 'top'] as const) {
      await phone.evaluate((to) => window.scrollTo(0, to === 'end' ? document.body.scrollHeight : 0), scroll);
      const b = (await save.boundingBox())!;
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(PHONE.height);
    }
    await save.click();
    await phone.getByRole('heading', { name: 'Saved for this visit (2)' }).waitFor();

    await expectNoAxeViolations(phone);
    expect(await smallTapTargets(phone)).toEqual([]);
    if (SCREENSHOTS) {
      await box.fill('Students asked their partner to');
      await phone.evaluate(() => window.scrollTo(0, 0));
      await phone.screenshot({ path: 'docs/images/room-notes.png' });
    }

    // On the server: both notes, once each, about the host's room, with their prompts.
    const written = (await ben.get('/api/notes?which=written')).body.items as Array<{
      text: string;
      prompt: string;
    }>;
    expect(written.filter((n) => n.text === first).map((n) => n.prompt)).toEqual(['students']);
    expect(written.filter((n) => n.text === second).map((n) => n.prompt)).toEqual(['teacher']);
    const about = (await ana.get('/api/notes?which=about')).body.items as Array<{ text: string }>;
    expect(about.map((n) => n.text).sort()).toEqual([first, second].sort());

    // Scanning the sign again goes straight back to the notes, without a second seat.
    await phone.goto(scanned);
    await phone.getByRole('heading', { name: 'Saved for this visit (2)' }).waitFor();
    expect((await ana.get(`/api/doors/${doorId}`)).body.booked).toBe(1);

    // Signing out on the phone ends its session.
    await phone.getByRole('button', { name: 'Sign out' }).click();
    await phone.getByRole('heading', { name: 'Sign in first' }).waitFor();
    await phone.goto(scanned);
    await phone.getByRole('heading', { name: 'Sign in first' }).waitFor();
    await host.close();
    await phone.close();
  });
});
