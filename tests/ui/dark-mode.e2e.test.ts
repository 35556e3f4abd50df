import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, DESKTOP, openPage, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { ROOT } from '../helpers/fixtures.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

/** Relative luminance (0 black … 1 white) of an element's computed background. */
function backgroundLuminance(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const color = getComputedStyle(document.querySelector(sel) as Element).backgroundColor;
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, selector);
}

describe('colour scheme', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`follows prefers-color-scheme: ${scheme} (screenshot after two questions)`, { timeout: 60_000 }, async () => {
      const { page, errors, close } = await openPage(chromium.browser, ctx.server.url, { viewport: DESKTOP, colorScheme: scheme });
      await askInPage(page, SEED_QUESTIONS[0]);
      await askInPage(page, SEED_QUESTIONS[1]);
      const [body, card, input] = await Promise.all(['body', 'article.turn .card', '#question'].map((s) => backgroundLuminance(page, s)));
      if (scheme === 'dark') for (const l of [body, card, input]) expect(l).toBeLessThan(0.1);
      else for (const l of [body, card, input]) expect(l).toBeGreaterThan(0.8);
      // README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; otherwise they go to tests/artifacts (ignored by git).
      const folder = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : join(ROOT, 'tests', 'artifacts');
      await page.screenshot({ path: join(folder, scheme === 'dark' ? 'screenshot-dark.png' : 'screenshot.png') });
      expect(errors).toEqual([]);
      await close();
    });
  }
});
