import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOKEN } from '../helpers/admin.js';
import { useBrowser } from '../helpers/browser.js';
import { askInPage, openLibrary, openPage } from '../helpers/chat-page.js';
import { useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer({ ADMIN_TOKEN: TOKEN });
const chromium = useBrowser();

const FILES = [
  { name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from('Quy Nhon harbour opens a new container terminal\n\nThe port of Quy Nhon opened a container terminal with 14 cranes on Tuesday. The terminal can handle 600,000 containers a year, the port authority said.\n') },
  { name: 'library.md', mimeType: 'text/markdown', buffer: Buffer.from('# Pleiku opens a public library\n\nThe city of Pleiku opened a public library with 90,000 books on Friday. The library is open every day from 7 am to 9 pm, officials said.\n') },
];

/** Records every stage each upload row passes through, from the page itself. */
async function recordStages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __stages: Record<string, string[]> }).__stages = seen;
    new MutationObserver(() => {
      for (const row of document.querySelectorAll<HTMLElement>('.upload-item')) {
        const name = row.dataset.file ?? '';
        const stages = (seen[name] ??= []);
        const stage = row.dataset.stage ?? '';
        if (stages[stages.length - 1] !== stage) stages.push(stage);
      }
    }).observe(document.getElementById('upload-list') as HTMLElement, { subtree: true, childList: true, attributes: true });
  });
}

async function enterToken(page: Page): Promise<void> {
  await openLibrary(page);
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.locator('#dropzone').waitFor();
}

describe('uploading articles from the library', () => {
  it('uploads two files and shows each one uploading, indexing, then answerable', { timeout: 150_000 }, async () => {
    const { page, errors, close } = await openPage(chromium.browser, ctx.server.url);
    await enterToken(page);
    expect(await page.evaluate(() => [sessionStorage.getItem('newsdesk.adminToken'), JSON.stringify(localStorage)])).toEqual([TOKEN, '{}']);
    await recordStages(page);
    await page.locator('#upload-files').setInputFiles(FILES);
    for (const file of FILES) {
      await expect.poll(() => page.locator(`.upload-item[data-file="${file.name}"]`).getAttribute('data-stage'), { timeout: 120_000, interval: 250 }).toMatch(/answerable|error/);
      expect(await page.locator(`.upload-item[data-file="${file.name}"] .upload-status`).textContent()).toBe('answerable');
    }
    const stages = await page.evaluate(() => (window as unknown as { __stages: Record<string, string[]> }).__stages);
    for (const file of FILES) expect(stages[file.name]).toEqual(['uploading', 'indexing', 'answerable']);

    await expect.poll(() => page.locator('#library-list .library-item').count()).toBe(7);
    await page.getByLabel('Search titles and sources').fill('Pleiku');
    await expect.poll(() => page.locator('#library-list .library-item').count()).toBe(1);

    await page.getByRole('button', { name: 'Close' }).click();
    await askInPage(page, 'How many cranes does the Quy Nhon container terminal have?');
    const answer = page.locator('article.turn').last();
    expect(await answer.locator('.answer-text').textContent()).toContain('14');
    expect(await answer.locator('.card h3').first().textContent()).toContain('Quy Nhon harbour opens a new container terminal');
    expect(errors).toEqual([]);
    await close();
  });

  it('takes files dropped on the drop zone, and says which ones cannot be added', { timeout: 30_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    await enterToken(page);
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['%PDF-1.4'], 'report.pdf', { type: 'application/pdf' }));
      return dt;
    });
    await page.locator('#dropzone').dispatchEvent('drop', { dataTransfer });
    const row = page.locator('.upload-item[data-file="report.pdf"]');
    await expect.poll(() => row.getAttribute('data-stage')).toBe('error');
    expect(await row.locator('.upload-status').textContent()).toBe('error: only .txt, .md, .html files can be added');
    await close();
  });

  it('shows the server refusing a wrong token', { timeout: 30_000 }, async () => {
    const { page, close } = await openPage(chromium.browser, ctx.server.url);
    await openLibrary(page);
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator('#upload-files').setInputFiles([{ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('A title\n\nSome text that is long enough to be an article body.') }]);
    const row = page.locator('.upload-item[data-file="x.txt"]');
    await expect.poll(() => row.getAttribute('data-stage')).toBe('error');
    expect(await row.locator('.upload-status').textContent()).toMatch(/^error: .*token/i);
    await close();
  });
});
