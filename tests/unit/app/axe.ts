import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe (WCAG 2 A and AA, and `heading-order`, a best-practice rule the WCAG tags leave out: a card title must not
 * skip a level) on the rendered DOM, for states the e2e screens never reach. happy-dom lays nothing out, so color
 * contrast is left to the e2e run in Chromium.
 */
export async function expectNoAxeViolations(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
    rules: { 'color-contrast': { enabled: false }, 'heading-order': { enabled: true } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}
