import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, DESKTOP, newestAnswerPlacement, openPage, PHONE, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { ROOT } from '../helpers/fixtures.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('the newest answer is in view above the question box', () => {
  for (const [name, viewport, touch] of [['desktop 1280×800', DESKTOP, false], ['phone 390×844', PHONE, true]] as const) {
    it(`after each of five questions (${name})`, { timeout: 90_000 }, async () => {
      const { page, errors, close } = await openPage(chromium.browser, ctx.server.url, { viewport, hasTouch: touch, isMobile: touch });
      for (const question of SEED_QUESTIONS) {
        await askInPage(page, question);
        const { top, bottom, boxTop, viewportHeight } = await newestAnswerPlacement(page);
        expect(top, question).toBeGreaterThanOrEqual(0);
        expect(bottom, question).toBeLessThanOrEqual(boxTop);
        expect(boxTop).toBeLessThanOrEqual(viewportHeight);
      }
      await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', `chat-layout-${touch ? 'phone' : 'desktop'}.png`) });
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('shows the error and its "Try again" in view too', { timeout: 60_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url, { viewport: PHONE, hasTouch: true, isMobile: true });
    for (const question of SEED_QUESTIONS.slice(0, 3)) await askInPage(page, question);
    await page.route('**/ask', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on the server.' } }) }));
    await page.getByLabel('Ask about the articles').fill('Who attended?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.locator('.turn.error').waitFor();
    const retry = await page.getByRole('button', { name: 'Try again' }).boundingBox();
    const boxTop = await page.evaluate(() => (document.getElementById('ask-form') as HTMLElement).getBoundingClientRect().top);
    expect(retry).not.toBeNull();
    expect((retry?.y ?? 0) + (retry?.height ?? 0)).toBeLessThanOrEqual(boxTop);
    expect(retry?.y ?? -1).toBeGreaterThanOrEqual(0);
    await close();
  });

  it('gives phones 44 px tap targets and hides the "Enter sends" hint on touch screens', async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url, { viewport: PHONE, hasTouch: true, isMobile: true });
    await askInPage(page, SEED_QUESTIONS[0]);
    const sizes = await page.locator('article.turn .marker, article.turn button, #send, #library-button, #new-conversation').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })));
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) {
      expect(size.w).toBeGreaterThanOrEqual(44);
      expect(size.h).toBeGreaterThanOrEqual(44);
    }
    expect(await page.locator('.enter-hint').isVisible()).toBe(false);
    await close();
    const desktop = await openPage(chromium.browser, ctx.server.url, { viewport: DESKTOP });
    expect(await desktop.page.locator('.enter-hint').isVisible()).toBe(true);
    await desktop.close();
  });
});
