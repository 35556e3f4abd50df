import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { openPage } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('the character counter', () => {
  it('counts, says by how much a question is too long, keeps all of it and does not send it', { timeout: 30_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    const box = page.getByLabel('Ask about the articles');
    await box.fill('Who attended?');
    expect(await page.locator('#char-count').textContent()).toBe('13 / 2000');
    const long = `${'word '.repeat(420)}end`;
    await box.fill(long);
    expect(await box.inputValue()).toBe(long); // nothing cut
    expect(await page.locator('#char-count').textContent()).toBe(`${long.length} / 2000: ${long.length - 2000} too many`);
    expect(await page.locator('#char-count').isVisible()).toBe(true);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    let asked = 0;
    page.on('request', (r) => r.url().endsWith('/ask') && asked++);
    await box.press('Enter');
    await page.waitForTimeout(300);
    expect(asked).toBe(0);
    expect(await page.locator('.turn.user').count()).toBe(0);
    await close();
  });
});
