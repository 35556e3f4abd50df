import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, openPage, SEED_QUESTIONS } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();
const chromium = useBrowser();

describe('the conversation across reloads', () => {
  it('is shown again after a reload, follow-ups keep their context, and "New conversation" clears it', { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url);
    await askInPage(page, SEED_QUESTIONS[0]);
    await askInPage(page, SEED_QUESTIONS[1]);
    const before = await page.locator('#conversation .turn').allTextContents();
    expect(before).toHaveLength(4);

    await page.reload();
    await page.locator('article.turn').nth(1).waitFor();
    expect(await page.locator('#conversation .turn').allTextContents()).toEqual(before);
    expect(await page.locator('#empty-state').isHidden()).toBe(true);

    // The restored answers are the history of a follow-up.
    const sent: unknown[] = [];
    page.on('request', (r) => r.url().endsWith('/ask') && sent.push(r.postDataJSON()));
    await askInPage(page, 'And who attended it?');
    expect((sent[0] as { history: unknown[] }).history).toHaveLength(4);

    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await page.locator('#conversation .turn').count()).toBe(0);
    expect(await page.locator('#empty-state').isVisible()).toBe(true);
    await page.reload();
    await page.locator('#empty-state').waitFor();
    expect(await page.locator('#conversation .turn').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
