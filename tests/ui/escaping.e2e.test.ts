import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { realEmbedder, tempDir, testConfig } from '../helpers/fixtures.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { updateIndex } from '../../src/store/index.js';

let root: string;
let server: TestServer;
let browser: Browser;

const HOSTILE = 'Markup test article about the harbour\n\nThe harbour authority published a note that read <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> in its annual report on Tuesday. Officials said the harbour handled 3 million containers last year.\n';

beforeAll(async () => {
  if (!hasChromium) throw new Error('Browser tests need Debian chromium at /usr/bin/chromium.');
  root = await tempDir();
  await mkdir(join(root, 'corpus'));
  await writeFile(join(root, 'corpus', 'hostile.txt'), HOSTILE);
  const { chunking, ingest } = testConfig();
  await updateIndex({ corpusDir: join(root, 'corpus'), indexDir: join(root, 'index'), embedder: await realEmbedder(), chunking, maxFileBytes: ingest.maxFileBytes });
  server = await startTestServer(join(root, 'index'), { CORPUS_DIR: join(root, 'corpus') });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('article and user text is shown as text, never as HTML', () => {
  it('shows <script> and <img onerror> from an article literally and runs none of it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await page.goto(server.url);
    await page.getByLabel('Ask about the articles').fill('What did the harbour authority note read <b>in</b> its annual report?');
    await page.getByLabel('Ask about the articles').press('Enter');
    await page.locator('article.turn').first().waitFor();
    const passage = await page.locator('.card .passage').first().textContent();
    expect(passage).toContain('<script>window.__pwned = 1</script>');
    expect(passage).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.locator('.card img, .card script, .turn.user b').count()).toBe(0);
    expect(await page.locator('.turn.user').textContent()).toContain('<b>in</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('serves a Content-Security-Policy that forbids inline scripts', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).not.toMatch(/<script>(?!<\/script>)/);
  });
});
