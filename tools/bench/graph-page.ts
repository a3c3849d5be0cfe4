/**
 * How fast out/graph.html opens and responds, in headless Chromium: the seeds' graph and a generated one of
 * 2,000 nodes (copies of the seeds joined by partnerships). Run: npm run bench:html [-- --runs N]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphSchema, type Graph } from '../../src/graph/schema.js';
import { buildFromPaths } from '../../src/pipeline.js';
import { graphHtml } from '../../src/sinks/html/index.js';
import { SEEDS } from '../../tests/helpers.js';
import { launchChromium, openGraphPage, type PageGlobals } from '../../tests/support/chromium.js';
import { largeGraph } from '../../tests/support/large-graph.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(name: string, graph: Graph, dir: string) {
  const file = path.join(dir, `${name}.html`);
  const html = graphHtml(graph);
  writeFileSync(file, html);
  const browser = await launchChromium();
  const samples: Array<Record<string, number>> = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { page, errors, readyMs } = await openGraphPage(browser, file);
      if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
      const hub = [...graph.nodes].sort((a, b) => b.mentions.length - a.mentions.length)[0]!.id;
      const sample = await page.evaluate(async (hubId) => {
        const view = (globalThis as unknown as PageGlobals).forumkgView;
        const t0 = performance.now();
        view.select(hubId);
        const selectMs = performance.now() - t0;
        // frames drawn while zooming for one second, once the selection has settled: how smooth zooming feels
        await new Promise((resolve) => setTimeout(resolve, 600));
        view.cy.stop();
        let frames = 0;
        view.cy.on('render', () => { frames++; });
        await view.cy.animation({ zoom: view.cy.zoom() * 1.5, duration: 1000 }).play().promise();
        return { ...view.timings, layoutMs: view.layoutMs, selectMs: Math.round(selectMs), zoomFps: frames };
      }, hub);
      samples.push({ ...sample, readyMs });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const pick = (key: string) => median(samples.map((s) => s[key]!));
  return {
    graph: name,
    nodes: graph.nodes.length,
    relationships: graph.relationships.length,
    pageKB: Math.round(Buffer.byteLength(html) / 1024),
    'scripts parsed (ms)': pick('start'),
    'drawing made (ms)': pick('drawn'),
    'filters applied (ms)': pick('filtered'),
    'layout (ms)': pick('layoutMs'),
    'ready (ms)': pick('ready'),
    'select + details (ms)': pick('selectMs'),
    'zoom fps': pick('zoomFps'),
  };
}

const { graph } = await buildFromPaths([SEEDS]);
const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-bench-'));
const rows = [
  await measure('seeds', graph, dir),
  await measure('generated-2000', GraphSchema.parse(largeGraph(graph, 2000)), dir),
];
console.log(`median of ${runs} runs, times from navigation start, headless Chromium without GPU`);
console.table(rows);
