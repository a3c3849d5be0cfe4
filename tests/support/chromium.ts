import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The page's globals that tests and the bench read inside page.evaluate (the project's typecheck has no DOM
 * library): `(globalThis as unknown as PageGlobals)`. Such callbacks must not define named functions: tsx
 * would wrap them in a helper the page does not have.
 */
export interface PageGlobals {
  forumkgView: { cy: Core; ready: boolean; layoutMs: number; timings: Record<string, number>; select(id: string): void };
  __pwned?: unknown;
  document: {
    title: string;
    scripts: { length: number };
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number };
  };
}

/** Debian's Chromium; Playwright's own browser download does not work on these machines. */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this on a clean machine`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as they happen. */
  errors: string[];
  /** Milliseconds from navigation to the first layout being drawn. */
  readyMs: number;
}

/** Opens a graph page from disk and waits until its first layout is drawn. */
export async function openGraphPage(browser: Browser, file: string, viewport = { width: 1280, height: 760 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request: ${request.url()}`));
  const started = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => (globalThis as unknown as Partial<PageGlobals>).forumkgView?.ready === true, null, { timeout: 120_000 });
  return { page, errors, readyMs: Date.now() - started };
}
