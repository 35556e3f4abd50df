import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { useBrowser } from '../helpers/browser.js';
import { openLibrary, openPage } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

const items = (page: Page) => page.locator('#library-list .library-item');

describe('the library panel', () => {
  it('lists the articles, searches them and opens one with its passages', { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url);
    await openLibrary(page);
    await expect.poll(() => items(page).count()).toBe(5);
    expect(await page.locator('#library-count').textContent()).toBe('5 of 5 articles');
    expect(await page.getByRole('button', { name: 'Load more' }).isVisible()).toBe(false);
    for (const meta of await items(page).locator('.meta').allTextContents()) expect(meta).toMatch(/^.+ · (\d{4}-\d{2}-\d{2}|no date) · \d+ passages?$/);

    await page.getByLabel('Search titles and sources').fill('digital week');
    await expect.poll(() => items(page).count()).toBe(1);
    const title = 'The Vietnam International Digital Week 2025 officially opened in Ninh Binh Province';
    expect(await items(page).first().locator('.library-title').textContent()).toContain(title);
    const passages = Number(/(\d+) passages?$/.exec((await items(page).first().locator('.meta').textContent()) ?? '')?.[1]);

    await items(page).first().locator('.library-title').click();
    const article = page.locator('#library-article');
    await article.locator('h3').waitFor();
    expect(await article.locator('h3').textContent()).toContain(title);
    expect(await article.locator('.passages .passage').count()).toBe(passages);
    expect(await article.locator('.passages .passage').first().textContent()).toContain('Vietnam International Digital Week 2025');
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'library-article.png') });

    await article.getByRole('button', { name: 'Ask about this article' }).click();
    expect(await page.locator('#library').isHidden()).toBe(true);
    expect(await page.locator('#filter-doc option:checked').textContent()).toContain(title);
    expect(errors).toEqual([]);
    await close();
  });

  it('loads more, one page at a time', { timeout: 60_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    // Pages of two, so that the five seed articles take three pages.
    await page.route('**/documents?*', (route) => route.continue({ url: route.request().url().replace(/limit=\d+/, 'limit=2') }));
    await openLibrary(page);
    await expect.poll(() => items(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => items(page).count()).toBe(4);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => items(page).count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Load more' }).isVisible()).toBe(false);
    expect(new Set(await items(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-doc')))).size).toBe(5);
    await close();
  });

  it('says when the source or date is not stated, and links a URL by its site name', { timeout: 30_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    await page.route('**/documents?*', async (route) => {
      const body = (await (await route.fetch()).json()) as { documents: Array<Record<string, unknown>> };
      Object.assign(body.documents[0], { source: null, published: null, url: 'https://www.example.com/news/1?x=<b>' });
      await route.fulfill({ json: body });
    });
    await openLibrary(page);
    const first = items(page).first();
    await first.waitFor();
    expect(await first.locator('.meta').textContent()).toMatch(/^source not stated · no date · \d+ passages? · example\.com$/);
    const link = first.locator('a.site-link');
    expect(await link.getAttribute('href')).toBe('https://www.example.com/news/1?x=<b>');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    await close();
  });
});
