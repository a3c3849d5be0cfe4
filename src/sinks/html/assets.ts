import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PageAssets } from './page.js';

const require = createRequire(import.meta.url);

/**
 * cytoscape and the fCoSE layout (with its two base packages), as browser scripts in load order. fCoSE
 * lays out 2,000 nodes in about a second and a half where cytoscape's own cose takes tens of seconds.
 */
const LIBRARIES = ['cytoscape/dist/cytoscape.min.js', 'layout-base', 'cose-base', 'cytoscape-fcose'];

let cached: PageAssets | undefined;

/** Reads the libraries from node_modules and the viewer from assets/ (copied beside the compiled code by `npm run build`). */
export function loadPageAssets(): PageAssets {
  cached ??= {
    libraries: LIBRARIES.map((name) => readFileSync(require.resolve(name), 'utf8')),
    viewerScript: readFileSync(new URL('./assets/viewer.js', import.meta.url), 'utf8'),
    viewerStyle: readFileSync(new URL('./assets/viewer.css', import.meta.url), 'utf8'),
  };
  return cached;
}
