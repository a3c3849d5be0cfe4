import type { Graph } from '../../graph/schema.js';
import { loadPageAssets } from './assets.js';
import { graphPage, graphPagePieces } from './page.js';
import { viewModel, viewModelParts } from './view-model.js';

export { embedJson, embedJsonPieces, graphPage, graphPagePieces, inlineScriptText, type PageAssets } from './page.js';
export { viewModel, viewModelParts, ViewModelSchema, type ViewModel, type ViewModelParts } from './view-model.js';
export { LABEL_STYLES, TYPE_STYLES } from './styles.js';

/** out/graph.html: the graph drawn, searchable and filterable, in one file that needs no network. */
export function graphHtml(graph: Graph): string {
  return graphPage(viewModel(graph), loadPageAssets());
}

/** graph.html in pieces (see graphHtml), so that the page is never one string. */
export function graphHtmlPieces(graph: Graph): Iterable<string> {
  return graphPagePieces(viewModelParts(graph), loadPageAssets());
}
