import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedIndex, ROOT } from '../helpers/fixtures.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

let seed: Awaited<ReturnType<typeof buildSeedIndex>>;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) throw new Error('Browser tests need Debian chromium at /usr/bin/chromium (apt-get install -y chromium); .ci/run installs it.');
  await mkdir(ARTIFACTS, { recursive: true });
  seed = await buildSeedIndex();
  server = await startTestServer(seed.indexDir, { CORPUS_DIR: seed.corpusDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seed?.cleanup();
});

async function askInPage(page: Page, question: string): Promise<void> {
  const answers = await page.locator('article.turn').count();
  await page.getByLabel('Ask about the articles').fill(question);
  await page.getByLabel('Ask about the articles').press('Enter');
  await page.locator('article.turn').nth(answers).waitFor();
}

describe('the chat page in a real browser (Debian chromium)', () => {
  it('asks, shows cited answers, jumps to a source, follows up and says when the articles have no answer', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url);
    await expect.poll(() => page.locator('#index-status').textContent()).toMatch(/5 articles · \d+ passages · indexed/);

    await askInPage(page, 'When does Vietnam International Digital Week 2025 take place?');
    const first = page.locator('article.turn').nth(0);
    expect(await first.locator('.answer-text').textContent()).toContain('October 27');
    const card = first.locator('.card').first();
    expect(await card.locator('h3').textContent()).toContain('The Vietnam International Digital Week 2025 officially opened in Ninh Binh Province');
    expect(await card.locator('mark').textContent()).toContain('October 27');

    await first.locator('.marker').first().click();
    await expect.poll(() => card.evaluate((n) => n.classList.contains('flash') && document.activeElement === n)).toBe(true);

    await card.locator('summary').click();
    await expect.poll(() => card.locator('.doc-text mark').count()).toBe(1);

    await askInPage(page, 'And who attended it?');
    expect(await page.locator('article.turn').nth(1).locator('.card').count()).toBeGreaterThan(0);

    await askInPage(page, 'What is the boiling point of mercury?');
    const none = page.locator('article.turn').nth(2);
    expect(await none.getAttribute('class')).toContain('not-answered');
    expect(await none.locator('.answer-text').textContent()).toMatch(/do not contain an answer/);
    expect(await none.locator('.sources-label').textContent()).toMatch(/Related passages/);
    expect(await none.locator('.card.related').count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(ARTIFACTS, 'chat-page.png'), fullPage: true });
    await page.setViewportSize({ width: 380, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, 'chat-page-phone.png'), fullPage: true });
    expect(errors, errors.join("\n")).toEqual([]);
    await page.close();
  });

  it('says which misspelled word it read as the articles spell it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await askInPage(page, 'When does Vietnam Internatonal Digital Week 2025 take place?');
    const answer = page.locator('article.turn').first();
    expect(await answer.locator('.answer-text').textContent()).toContain('October 27');
    expect(await answer.locator('.answer-note').textContent()).toBe('Read “Internatonal” as “International”, as the articles spell it.');
    await page.close();
  });

  it('keeps the question and offers a retry when the server fails', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.route('**/ask', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on the server.' } }) }));
    await page.getByLabel('Ask about the articles').fill('Who did Minister Nguyen Manh Hung meet on January 14?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.locator('.turn.error').waitFor();
    expect(await page.locator('.turn.error').textContent()).toContain('Something went wrong on the server.');
    expect(await page.getByLabel('Ask about the articles').inputValue()).toBe('Who did Minister Nguyen Manh Hung meet on January 14?');
    await page.unroute('**/ask');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('article.turn').first().waitFor();
    expect(await page.locator('article.turn .answer-text').first().textContent()).toContain('Amandeep Singh Gill');
    expect(await page.locator('.turn.error').count()).toBe(0);
    await page.close();
  });

  it('is usable with the keyboard alone: focus starts in the question box, Tab reaches Ask', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.keyboard.type('Who chairs the Central Steering Committee?');
    await page.keyboard.press('Shift+Enter');
    expect(await page.getByLabel('Ask about the articles').inputValue()).toContain('\n');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('send');
    await page.keyboard.press('Enter');
    await page.locator('article.turn').first().waitFor();
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^Answer: /);
    await page.close();
  });
});
