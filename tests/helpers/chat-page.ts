import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Questions the seed corpus answers (and one it does not). */
export const SEED_QUESTIONS = [
  'When does Vietnam International Digital Week 2025 take place?',
  'Who did Minister Nguyen Manh Hung meet on January 14?',
  'Who chairs the Central Steering Committee?',
  'And who attended it?',
  'What is the boiling point of mercury?',
];

/** Types a question, sends it with Enter and waits for its answer card. */
export async function askInPage(page: Page, question: string): Promise<void> {
  const answers = await page.locator('article.turn').count();
  await page.getByLabel('Ask about the articles').fill(question);
  await page.getByLabel('Ask about the articles').press('Enter');
  await page.locator('article.turn').nth(answers).waitFor({ timeout: 30_000 });
}

/** A page in a fresh context (its own storage), with page errors collected. */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

/** Where the newest answer's text sits against the viewport and the question box. */
export async function newestAnswerPlacement(page: Page): Promise<{ top: number; bottom: number; boxTop: number; viewportHeight: number }> {
  return page.evaluate(() => {
    const answers = document.querySelectorAll('#conversation .turn:not(.user)');
    const newest = answers[answers.length - 1];
    const text = (newest.querySelector('.answer-text, p') ?? newest).getBoundingClientRect();
    const box = (document.getElementById('ask-form') as HTMLElement).getBoundingClientRect();
    return { top: text.top, bottom: text.bottom, boxTop: box.top, viewportHeight: window.innerHeight };
  });
}

/** Opens the Library panel (the exact name: suggested questions can contain "library"). */
export async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('#library-browse').waitFor();
}
