import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/sinks/neo4j/load.js';
import { CYPHER_DIR, findSavedQuery } from '../../src/sinks/neo4j/queries.js';
import { buildSeeds, ROOT } from '../helpers.js';
import { live, liveDriver, wipe } from './live.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = live.skip ?? (!live.httpUrl ? 'Neo4j Browser is only tested on the local server (NEO4J_URI is set)' : !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : undefined);
if (skip && live.httpUrl && process.env.FORUMKG_REQUIRE_LIVE) throw new Error(`the Neo4j Browser test must run here but ${skip}`);
if (skip && !live.skip) process.stderr.write(`⚠ Neo4j Browser test SKIPPED: ${skip}\n`);

/** Where the pictures go: a temporary folder, or docs/ (for the README) with FORUMKG_SCREENSHOTS=docs. */
const outDir = process.env.FORUMKG_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs') : mkdtempSync(path.join(tmpdir(), 'forumkg-browser-'));

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(Boolean(skip))('Neo4j Browser (headless Chromium) on the local server', () => {
  let browser: Browser;
  let page: Page;

  const run = async (query: string) => {
    await page.locator('#monaco-main-editor').click();
    await page.keyboard.type(query.replace(/\s+/g, ' '));
    await page.keyboard.press('Control+Enter');
  };

  /** The latest result frame, full screen, zoomed to fit then one step in, saved as a PNG. */
  const picture = async (name: string) => {
    const frame = page.getByTestId('frame').first();
    await frame.locator('svg g.node').first().waitFor({ timeout: 30_000 });
    await frame.locator('[title="Fullscreen"]').click();
    await page.locator('[title="Collapse the node properties display"]').click();
    await page.waitForTimeout(3000);
    await page.locator('button[aria-label="zoom-to-fit"]').click();
    await page.locator('button[aria-label="zoom-in"]').click();
    await page.waitForTimeout(1500);
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    await frame.locator('[title="Close fullscreen"], [title="Fullscreen"]').first().click();
    return file;
  };

  beforeAll(async () => {
    const driver = liveDriver();
    try {
      await wipe(driver);
      await loadGraph(driver, (await buildSeeds()).graph, { database: live.database, batchSize: 1000, concurrency: 2 });
    } finally {
      await driver.close();
    }
    mkdirSync(outDir, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('connects, takes cypher/style.grass dropped on it as a user would, and draws the partnership network', async () => {
    await page.goto(`${live.httpUrl}/browser/`);
    await page.getByTestId('username').fill(live.user);
    await page.getByTestId('password').fill(live.password);
    await page.getByTestId('connect').click();
    await page.getByText('You are connected as user').waitFor({ timeout: 30_000 });

    const grass = readFileSync(path.join(CYPHER_DIR, 'style.grass'), 'utf8');
    const dropped = await page.evaluateHandle((text) => {
      // runs in the page (DOM types are not in this project's lib)
      const dom = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: string[], name: string) => unknown };
      const transfer = new dom.DataTransfer();
      transfer.items.add(new dom.File([text], 'style.grass'));
      return transfer;
    }, grass);
    for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('[data-testid="main"]', type, { dataTransfer: dropped });
    await run(':clear');

    await run(findSavedQuery('partnership-network')!.cypher);
    const frame = page.getByTestId('frame').first();
    await frame.locator('svg g.node').first().waitFor({ timeout: 30_000 });
    const { graph } = await buildSeeds();
    const partnerships = graph.relationships.filter((r) => r.type === 'PARTNERS_WITH');
    expect(await frame.locator('svg g.relationship').count()).toBe(partnerships.length);
    expect(await frame.locator('svg g.node').count()).toBe(new Set(partnerships.flatMap((r) => [r.start, r.end])).size);
    // the style is applied: organisations in style.grass's colour, captioned with their names
    expect(await frame.locator('svg g.node circle.b-outline').first().getAttribute('fill')).toBe('#4C8EDA');
    await expect.poll(async () => (await frame.locator('svg g.node text').allTextContents()).map((t) => t.trim())).toContain('中国电信');

    const file = await picture('neo4j-browser-partnerships.png');
    expect(pngSize(file)).toEqual({ width: 1280, height: 860 });
  });

  it("draws an organisation's two-hop neighbourhood in the colours of style.grass", async () => {
    await run(':clear');
    await run(findSavedQuery('neighbourhood')!.cypher.replace(/\$org/g, "'中国电信'"));
    const frame = page.getByTestId('frame').first();
    await frame.locator('svg g.node').first().waitFor({ timeout: 30_000 });
    const fills = new Set(await frame.locator('svg g.node circle.b-outline').evaluateAll((circles) => circles.map((c) => c.getAttribute('fill'))));
    expect(fills.size).toBeGreaterThanOrEqual(4);
    const file = await picture('neo4j-browser-neighbourhood.png');
    expect(pngSize(file).width).toBe(1280);
  });
});
