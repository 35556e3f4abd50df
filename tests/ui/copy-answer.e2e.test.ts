import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, openPage, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('Copy on an answer', () => {
  it('copies each quote, then "— Title, Source, Date, URL"', { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    // Asked about the article that gives its web address, so the attribution has every part.
    await askInPage(page, 'When will Vietnam announce its first AI Law?');
    const answer = page.locator('article.turn').first();
    const cards = await answer.locator('.card').evaluateAll((nodes) =>
      nodes.map((n) => ({ title: (n.querySelector('h3')?.textContent ?? '').replace(/^\[\d+\] /, ''), meta: n.querySelector('.meta')?.textContent ?? '', quote: n.querySelector('mark')?.textContent ?? '' })),
    );
    await answer.getByRole('button', { name: 'Copy the quotes with their sources' }).click();
    await expect.poll(() => answer.locator('button.copy').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const first = cards[0];
    const [source, date] = first.meta.split(' · '); // "source · date", then the site's link when there is a URL
    const docId = await answer.locator('.card').first().getAttribute('data-doc');
    const { url } = (await (await fetch(`${ctx.server.url}/documents/${docId}`)).json()) as { url: string | null };
    expect(url).toMatch(/^https:\/\/mst\.gov\.vn\//);
    const stated = [first.title, source === 'source not stated' ? null : source, date === 'date not stated' ? null : date, url].filter(Boolean);
    expect(copied.slice(0, 4000)).toContain(`“${first.quote.trim()}”\n— ${stated.join(', ')}`);
    expect(copied.startsWith('“')).toBe(true);
    expect(copied).toContain('end of 2025');
    expect(errors).toEqual([]);
    await close();
  });
});
