import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSchema, type Graph } from '../src/graph/schema.js';
import { GraphIndex, partnersOf } from '../src/query/index.js';
import { buildArtifacts, writeOutputs } from '../src/sinks/export/index.js';
import { graphHtml, viewModel } from '../src/sinks/html/index.js';
import { buildSeeds, ROOT } from './helpers.js';
import { launchChromium, openGraphPage, type OpenedPage, type PageGlobals } from './support/chromium.js';
import { HOSTILE_ID, HOSTILE_NAME, withHostileEntity } from './support/hostile.js';
import { largeGraph } from './support/large-graph.js';

const TELECOM = 'org:中国电信';

describe('graph page in Chromium (built from the seeds, opened from disk)', () => {
  let browser: Browser;
  let graph: Graph;
  let out: string;
  let page: string;
  /** One page for the tests that only look, search and click; those that filter open their own. */
  let seedsPage: OpenedPage | undefined;
  const shared = async () => (seedsPage ??= await openGraphPage(browser, page));

  beforeAll(async () => {
    browser = await launchChromium();
    const result = await buildSeeds();
    out = mkdtempSync(path.join(tmpdir(), 'forumkg-html-'));
    await writeOutputs(out, buildArtifacts({ graph: result.graph, resolution: result.resolution, rejections: result.rejections, documents: result.documents }));
    graph = GraphSchema.parse(JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8')));
    page = path.join(out, 'graph.html');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const visible = (p: Page) => p.evaluate(() => {
    const { cy } = (globalThis as unknown as PageGlobals).forumkgView;
    return {
      nodes: cy.nodes(':visible').map((n) => ({ id: n.id(), label: n.data('label') as string })),
      edges: cy.edges(':visible').map((e) => e.data('type') as string),
    };
  });

  async function search(p: Page, text: string): Promise<string[]> {
    await p.fill('#search', text);
    await p.waitForSelector('#results li');
    return p.$$eval('#results li .hit-name', (items) => items.map((i) => i.textContent ?? ''));
  }

  it('draws every node of graph.json, with a legend, and logs no error', async () => {
    const { page: p, errors } = await shared();
    const drawn = await p.evaluate(() => {
      const { cy } = (globalThis as unknown as PageGlobals).forumkgView;
      return { nodes: cy.nodes().length, visible: cy.nodes(':visible').length, edges: cy.edges().length };
    });
    expect(drawn).toEqual({ nodes: graph.nodes.length, visible: graph.nodes.length, edges: graph.relationships.length });
    expect(await p.$$eval('#legend label', (rows) => rows.map((r) => r.getAttribute('data-label')))).toEqual(
      ['Organization', 'Person', 'Model', 'Product', 'SigningEvent', 'Forum'],
    );
    expect(await p.textContent('#summary')).toContain(`${graph.nodes.length} of ${graph.nodes.length} nodes`);
    expect(errors).toEqual([]);
  });

  it('finds 中国电信 by search, selects it and lists its partners; saves a screenshot', async () => {
    const { page: p, errors } = await shared();
    expect((await search(p, '中国电信'))[0]).toBe('中国电信');
    await p.press('#search', 'Enter');
    await p.waitForSelector('#details h2');
    const selected = await p.evaluate(() => (globalThis as unknown as PageGlobals).forumkgView.cy.$(':selected').map((e) => e.id()));
    expect(selected).toEqual([TELECOM]);
    expect(await p.textContent('#details h2')).toBe('中国电信');
    await p.waitForTimeout(400); // the zoom to its neighbourhood is animated
    const shot = path.join(out, 'graph.png');
    await p.screenshot({ path: shot });
    // FORUMKG_SCREENSHOT=docs/graph-page.png npx vitest run tests/html-browser.test.ts refreshes the README's picture
    if (process.env.FORUMKG_SCREENSHOT) {
      mkdirSync(path.dirname(path.resolve(ROOT, process.env.FORUMKG_SCREENSHOT)), { recursive: true });
      copyFileSync(shot, path.resolve(ROOT, process.env.FORUMKG_SCREENSHOT));
    }
    const more = p.locator('#details section[data-type="PARTNERS_WITH"] button.more'); // long lists show 50 first
    if (await more.count()) await more.click();
    const shownPartners = await p.$$eval('#details section[data-type="PARTNERS_WITH"] li button.name', (b) => b.map((x) => x.textContent ?? ''));
    const partners = partnersOf(new GraphIndex(graph), TELECOM).partners.map((x) => x.partner.name);
    expect(partners.length).toBeGreaterThan(3);
    expect(shownPartners.sort()).toEqual(partners.sort());
    expect(await p.textContent('#details section[data-type="AFFILIATED_WITH"]')).toContain('柯瑞文');
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
  });

  it('finds an entity by any of its names: 商汤 and SenseTime find 商汤科技', async () => {
    const { page: p } = await shared();
    expect((await search(p, '商汤'))[0]).toBe('商汤科技');
    expect((await search(p, 'sensetime'))[0]).toBe('商汤科技');
    expect(await search(p, '没有这个名字的机构')).toEqual([]);
    expect(await p.textContent('#results')).toContain('no entity has this name');
  });

  it('shows a clicked edge with its evidence and a clicked node with its mentions', async () => {
    const { page: p, errors } = await shared();
    const edgeId = 'PARTNERS_WITH:org:三峡集团->org:中国电信';
    // a point of the edge where it is the element on top (the layout is random; a node may lie across it),
    // found with cytoscape's own hit test, in rendered coordinates
    const onEdge = await p.evaluate((id) => {
      const { cy } = (globalThis as unknown as PageGlobals).forumkgView;
      const edge = cy.getElementById(id);
      // the partner is moved clear of the drawing, and its other edges (which would then run beside this one)
      // are hidden for the click, so that the edge's far part crosses nothing
      const bounds = cy.elements().boundingBox({});
      edge.source().position({ x: bounds.x2 + 400, y: bounds.y2 + 400 });
      edge.source().connectedEdges().not(edge).style('display', 'none');
      cy.fit(edge, 200);
      const [a, b] = [edge.source().position(), edge.target().position()];
      const hit = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null } }).renderer();
      const at = (f: number) => ({ x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y) });
      const fractions = Array.from({ length: 19 }, (_, i) => 0.25 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.0125);
      const point = at(fractions.find((f) => hit.findNearestElement(at(f).x, at(f).y, true, false)?.id() === id) ?? 0.5);
      const pan = cy.pan();
      return { x: point.x * cy.zoom() + pan.x, y: point.y * cy.zoom() + pan.y };
    }, edgeId);
    const box = (await p.locator('#graph').boundingBox())!;
    await p.mouse.click(box.x + onEdge.x, box.y + onEdge.y);
    await p.waitForSelector('#details section[data-type="evidence"]');
    expect(await p.textContent('#details .badge')).toBe('PARTNERS_WITH');
    const evidence = graph.relationships.find((r) => r.id === edgeId)!.evidence[0]!;
    const shown = await p.textContent('#details section[data-type="evidence"]');
    expect(shown).toContain(`${evidence.source}:${evidence.line}`);
    expect(shown).toContain(evidence.quote);

    const node = graph.nodes.find((n) => n.id === 'org:三峡集团')!;
    const position = await p.evaluate((id) => {
      const { cy } = (globalThis as unknown as PageGlobals).forumkgView;
      const n = cy.getElementById(id);
      n.connectedEdges().style('display', 'element');
      cy.zoom(3);
      cy.center(n);
      // a point of the node where it is on top (a neighbour may overlap it), as for the edge
      const hit = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null } }).renderer();
      const { x, y } = n.position();
      const r = (n.width() / 2) * 0.8;
      const offsets = [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r], [r, r], [-r, -r], [r, -r], [-r, r]];
      const [dx, dy] = offsets.find(([ox, oy]) => hit.findNearestElement(x + ox!, y + oy!, true, false)?.id() === id) ?? [0, 0];
      const pan = cy.pan();
      return { x: (x + dx!) * cy.zoom() + pan.x, y: (y + dy!) * cy.zoom() + pan.y };
    }, node.id);
    await p.mouse.click(box.x + position.x, box.y + position.y);
    await p.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelector('#details h2')?.textContent === '三峡集团');
    const mentions = await p.textContent('#details section[data-type="mentions"]');
    expect(mentions).toContain(`Mentions (${node.mentions.length})`);
    expect(mentions).toContain(`${node.mentions[0]!.source}:${node.mentions[0]!.line}`);
    expect(errors).toEqual([]);
  });

  it('filters by label and by forum, and has a partnership view of organisations and PARTNERS_WITH only', async () => {
    const { page: p, errors } = await openGraphPage(browser, page);
    await p.click('#legend label[data-label="Person"] input');
    let shown = await visible(p);
    expect(shown.nodes.some((n) => n.label === 'Person')).toBe(false);
    expect(shown.nodes).toHaveLength(graph.nodes.filter((n) => n.label !== 'Person').length);
    await p.click('#legend label[data-label="Person"] input');

    const forum = graph.sources.find((s) => s.file === '002_006024088c0cb5f1.txt')!.id;
    await p.selectOption('#forum', forum);
    shown = await visible(p);
    const inForum = viewModel(graph).nodes.filter((n) => n.forums.includes(forum)).map((n) => n.id);
    expect(shown.nodes.map((n) => n.id).sort()).toEqual(inForum.sort());
    expect(inForum.length).toBeLessThan(graph.nodes.length);
    await p.selectOption('#forum', '');

    await p.click('#partnerships');
    shown = await visible(p);
    const partnerships = graph.relationships.filter((r) => r.type === 'PARTNERS_WITH');
    const partnered = new Set(partnerships.flatMap((r) => [r.start, r.end]));
    expect(new Set(shown.nodes.map((n) => n.label))).toEqual(new Set(['Organization']));
    expect(shown.nodes).toHaveLength(partnered.size);
    expect(shown.edges).toHaveLength(partnerships.length);
    expect(new Set(shown.edges)).toEqual(new Set(['PARTNERS_WITH']));
    expect(errors).toEqual([]);
    await p.close();
  });

  it('shows a name holding </script>, quotes, backticks, $, a line break and emoji as text, unchanged', async () => {
    const file = path.join(out, 'hostile.html');
    writeFileSync(file, graphHtml(GraphSchema.parse(withHostileEntity(graph, TELECOM))));
    const { page: p, errors } = await openGraphPage(browser, file);
    await search(p, HOSTILE_NAME);
    await p.press('#search', 'Enter');
    await p.waitForSelector('#details h2');
    const shown = await p.evaluate(() => {
      const { document, __pwned } = globalThis as unknown as PageGlobals;
      return {
        name: document.querySelector('#details h2')!.textContent,
        quote: document.querySelector('#details section[data-type="mentions"] blockquote')?.textContent,
        pwned: __pwned,
        images: document.querySelectorAll('img').length,
        scripts: document.scripts.length,
        title: document.title,
      };
    });
    expect(shown).toEqual({ name: HOSTILE_NAME, quote: `said: ${HOSTILE_NAME} </textarea>`, pwned: undefined, images: 0, scripts: 6, title: 'forumkg graph' });
    const selected = await p.evaluate(() => (globalThis as unknown as PageGlobals).forumkgView.cy.$(':selected').map((e) => e.id()));
    expect(selected).toEqual([HOSTILE_ID]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('draws a graph of 2,000 nodes (layout time is measured by npm run bench:html)', async () => {
    const large = GraphSchema.parse(largeGraph(graph, 2000));
    const file = path.join(out, 'large.html');
    writeFileSync(file, graphHtml(large));
    const { page: p, errors } = await openGraphPage(browser, file);
    const drawn = await p.evaluate(() => (globalThis as unknown as PageGlobals).forumkgView.cy.nodes(':visible').length);
    expect(drawn).toBe(2000);
    expect(errors).toEqual([]);
    await p.close();
  });
});
