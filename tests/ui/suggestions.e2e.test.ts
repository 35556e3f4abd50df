import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { openPage } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('suggested questions on the empty state', () => {
  it('suggests questions on the empty state that ask and get an answer when clicked', { timeout: 60_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    const suggestions = page.locator('#suggestions .suggestion');
    await expect.poll(() => suggestions.count()).toBeGreaterThanOrEqual(2);
    expect(await suggestions.count()).toBeLessThanOrEqual(4);
    const question = (await suggestions.first().textContent()) ?? '';
    await suggestions.first().click();
    await page.locator('article.turn').first().waitFor();
    expect(await page.locator('.turn.user').first().textContent()).toBe(question);
    expect(await page.locator('article.turn').first().getAttribute('class')).not.toContain('not-answered');
    expect(await page.locator('#empty-state').isHidden()).toBe(true);
    await close();
  });
});
