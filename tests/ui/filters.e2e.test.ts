import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, openPage, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

const UN_ARTICLE = 'UN Under-Secretary-General lauds Vietnam as key partner in AI';

describe('date-range and article filters', () => {
  it('sends the filters with the question and answers from the chosen article only', { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url);
    const sent: Array<{ filters?: Record<string, string> }> = [];
    page.on('request', (r) => r.url().endsWith('/ask') && sent.push(r.postDataJSON() as { filters?: Record<string, string> }));
    await page.locator('#filters summary').click();
    await expect.poll(() => page.locator('#filter-doc option').count()).toBe(6);
    await page.getByLabel('Article', { exact: true }).selectOption({ label: UN_ARTICLE });
    expect(await page.locator('#filter-summary').textContent()).toBe(`: in “${UN_ARTICLE}”`);
    await askInPage(page, 'Who praised Vietnam in New York?');
    const docId = await page.getByLabel('Article', { exact: true }).inputValue();
    expect(sent[0].filters).toEqual({ docId });
    const titles = await page.locator('article.turn').first().locator('.card h3').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toContain(UN_ARTICLE);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('From', { exact: true }).fill('2031-01-01');
    await page.getByLabel('To', { exact: true }).fill('2031-12-31');
    await askInPage(page, SEED_QUESTIONS[0]);
    expect(sent[1].filters).toEqual({ after: '2031-01-01', before: '2031-12-31' });
    const dated = page.locator('article.turn').nth(1);
    expect(await dated.getAttribute('class')).toContain('not-answered');
    expect(await dated.locator('.card').count()).toBe(0);

    await page.getByLabel('From', { exact: true }).fill('2031-12-31');
    await page.getByLabel('To', { exact: true }).fill('2031-01-01');
    expect(await page.locator('#filter-problem').textContent()).toMatch(/after the “To” date/);
    expect(errors).toEqual([]);
    await close();
  });
});
