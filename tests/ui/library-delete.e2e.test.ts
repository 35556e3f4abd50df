import { describe, expect, it } from 'vitest';
import { article, jobDone, postDocument, TOKEN } from '../helpers/admin.js';
import { useBrowser } from '../helpers/browser.js';
import { openLibrary, openPage } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });
const chromium = useBrowser();

describe('deleting an article from the library', () => {
  it('asks for confirmation, deletes it from the index and the list', { timeout: 120_000 }, async () => {
    const added = await postDocument(ctx.server, article(4));
    await jobDone(ctx.server, String(added.json.jobId));
    const docId = String(added.json.docId);

    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url);
    await openLibrary(page);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    const item = page.locator(`.library-item[data-doc="${docId}"]`);
    await item.waitFor();

    // Dismissed: nothing is deleted.
    const dialogs: string[] = [];
    page.once('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await item.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain(article(4).title);
    expect((await fetch(`${ctx.server.url}/documents/${docId}`)).status).toBe(200);

    page.once('dialog', (d) => void d.accept());
    await item.getByRole('button', { name: /^Delete/ }).click();
    await item.waitFor({ state: 'detached', timeout: 90_000 });
    expect((await fetch(`${ctx.server.url}/documents/${docId}`)).status).toBe(404);
    await expect.poll(() => page.locator('#library-list .library-item').count()).toBe(5);
    await expect.poll(() => page.locator('#index-status').textContent()).toMatch(/^5 articles/);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows why an article that was not uploaded cannot be deleted', { timeout: 60_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    await openLibrary(page);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    const item = page.locator('.library-item').first();
    await item.getByRole('button', { name: /^Delete/ }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await item.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => item.locator('.delete-status').textContent()).toMatch(/^Not deleted: /);
    expect(await page.locator('.library-item').count()).toBe(5);
    await close();
  });
});
