import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, openPage, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('the live region', () => {
  it('announces only the new answer text, not the passages', { timeout: 60_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    await askInPage(page, SEED_QUESTIONS[0]);
    const live = await page.locator('[aria-live]').evaluateAll((nodes) => nodes.map((n) => n.id));
    expect(live).not.toContain('conversation');
    const spoken = (await page.locator('#announcer').textContent()) ?? '';
    expect(spoken).toMatch(/^Answer: .*October 27/);
    expect(spoken).not.toMatch(/\[\d\]/);
    const passage = (await page.locator('article.turn .card .passage').first().textContent()) ?? '';
    expect(spoken.length).toBeLessThan(passage.length + 200);
    expect(spoken).not.toContain(passage);
    await close();
  });
});
