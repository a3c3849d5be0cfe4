import { createHash } from 'node:crypto';
import { jsonChunks } from '../export/json.js';
import type { ViewModel, ViewModelParts } from './view-model.js';

/** The code and style the page inlines: the graph libraries, in load order, then the viewer. */
export interface PageAssets {
  libraries: string[];
  viewerScript: string;
  viewerStyle: string;
}

/**
 * JSON that is safe inside <script type="application/json">: `<`, `>` and `&` become \u escapes, so no
 * name or quote in the graph can close the element or open a comment; JSON.parse reads them back unchanged.
 */
export function embedJson(value: unknown): string {
  return escapeForScript(JSON.stringify(value));
}

/** embedJson in pieces (member by member of the first levels; an iterable member is written as an array): joined, the same text. */
export function* embedJsonPieces(value: unknown): Generator<string> {
  for (const piece of jsonChunks(value, 0, 2)) yield escapeForScript(piece);
}

/** The escapes of embedJson, one character at a time (so a text can be escaped in pieces). */
function escapeForScript(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Script text that cannot end its <script> element early (`</script` and `<!--` escaped as JavaScript
 * allows), with line ends as the HTML parser will hand them to the browser (CR LF → LF), so its hash matches.
 */
export function inlineScriptText(code: string): string {
  return code.replace(/\r\n?/g, '\n').replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function cspHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

const BODY = `
<header>
  <h1>forumkg</h1>
  <div class="search">
    <input id="search" type="search" placeholder="Find by any name: 商汤, 中电信, China Telecom …" autocomplete="off" spellcheck="false" aria-label="find an entity by any of its names">
    <ol id="results" role="listbox" hidden></ol>
  </div>
  <p id="summary" aria-live="polite"></p>
</header>
<main>
  <nav id="controls">
    <section><h2>Labels</h2><div id="legend"></div></section>
    <section><h2>Forum</h2><select id="forum" aria-label="forum"><option value="">All forums</option></select></section>
    <section><h2>Relationships</h2><div id="types"></div></section>
    <section class="buttons">
      <button id="partnerships" type="button" aria-pressed="false">Partnership view</button>
      <button id="relayout" type="button">Re-arrange</button>
      <button id="fit" type="button">Fit</button>
    </section>
    <p class="note">Drag to pan, scroll to zoom. Click a node or an edge for its details and evidence.</p>
  </nav>
  <div id="graph" role="img" aria-label="graph drawing"></div>
  <aside id="details"><p class="hint">Search for an entity or click a node or an edge.</p></aside>
</main>`;

/**
 * The offline graph page: one HTML file holding the graph libraries, the viewer and the data, that opens
 * from disk with no network. A Content-Security-Policy allows only these scripts (by hash) and no fetches.
 */
export function graphPage(view: ViewModel, assets: PageAssets): string {
  return [...graphPagePieces(view, assets)].join('');
}

/** The offline graph page in pieces, the embedded data member by member (see graphPage): joined, the same text. */
export function* graphPagePieces(view: ViewModel | ViewModelParts, assets: PageAssets): Generator<string> {
  // the hash covers the element's whole text, so the line breaks around the code are part of it
  const scripts = [...assets.libraries, assets.viewerScript].map((code) => `\n${inlineScriptText(code)}\n`);
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(cspHash).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
  ].join('; ');
  const before = [
    '<!doctype html>',
    '<html lang="zh-Hans">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="forumkg">',
    '<title>forumkg graph</title>',
    `<style>\n${assets.viewerStyle.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`,
    '</head>',
    '<body>',
    BODY,
  ];
  const after = [
    ...scripts.map((code) => `<script>${code}</script>`),
    '</body>',
    '</html>',
    '',
  ];
  yield `${before.join('\n')}\n<script id="graph-data" type="application/json">`;
  yield* embedJsonPieces(view);
  yield `</script>\n${after.join('\n')}`;
}
