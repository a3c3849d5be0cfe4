import type { Graph } from '../../graph/schema.js';
import { loadPageAssets } from './assets.js';
import { graphPage } from './page.js';
import { viewModel } from './view-model.js';

export { embedJson, graphPage, inlineScriptText, type PageAssets } from './page.js';
export { viewModel, ViewModelSchema, type ViewModel } from './view-model.js';
export { LABEL_STYLES, TYPE_STYLES } from './styles.js';

/** out/graph.html: the graph drawn, searchable and filterable, in one file that needs no network. */
export function graphHtml(graph: Graph): string {
  return graphPage(viewModel(graph), loadPageAssets());
}
