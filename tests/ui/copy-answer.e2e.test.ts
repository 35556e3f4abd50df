import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, openPage, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('Copy on an answer', () => {
  it('copies each quote, then "— Title, Source, Date, URL"', { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    // The article's URL comes from the article (an index without URLs gives none: one is added here).
    await page.route('**/documents/**', async (route) => {
      const body = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...body, url: 'https://www.example.com/digital-week' } });
    });
    await askInPage(page, SEED_QUESTIONS[0]);
    const answer = page.locator('article.turn').first();
    const cards = await answer.locator('.card').evaluateAll((nodes) =>
      nodes.map((n) => ({ title: (n.querySelector('h3')?.textContent ?? '').replace(/^\[\d+\] /, ''), meta: n.querySelector('.meta')?.textContent ?? '', quote: n.querySelector('mark')?.textContent ?? '' })),
    );
    await answer.getByRole('button', { name: 'Copy the quotes with their sources' }).click();
    await expect.poll(() => answer.locator('button.copy').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const first = cards[0];
    const [source, date] = first.meta.split(' · ');
    const stated = [first.title, source, date === 'date not stated' ? null : date, 'https://www.example.com/digital-week'].filter(Boolean);
    expect(copied.slice(0, 2000)).toContain(`“${first.quote.trim()}”\n— ${stated.join(', ')}`);
    expect(copied.startsWith('“')).toBe(true);
    expect(copied).toContain('October 27');
    expect(errors).toEqual([]);
    await close();
  });
});
