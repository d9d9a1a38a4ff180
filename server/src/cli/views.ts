import type { ServiceOptions, TradecraftService } from '../service.js';
import { inOrder } from '../views/matrix.js';
import type { Console } from './check.js';
import { forEachDocument, prepareRun } from './documentLoop.js';
import { formatMapDot } from './formats/mapDot.js';
import { formatMapMermaid } from '../views/formats/mapMermaid.js';
import { formatMatrixHtml } from './formats/matrixHtml.js';
import { formatMatrixMarkdown } from '../views/formats/matrixMarkdown.js';
import { formatMatrixText } from './formats/matrixText.js';
import { formatViewJson } from './formats/viewJson.js';
import { formatViewMarkdown } from './formats/viewMarkdown.js';
import { formatViewText } from './formats/viewText.js';
import { pageOf, type TableViewName, type ViewDocument } from './viewPages.js';
import type { ViewFormat, ViewName, ViewOptions } from './viewOptions.js';

/**
 * `tradecraft assumptions|indicators|sources|matrix|map`: one view of each document, in the
 * order of the files. Exit 0, or 2 when a path or file could not be read. `makeService` stands in for the
 * core's service (a test's), in this thread.
 */
export async function runView(options: ViewOptions, cwd: string, console: Console, makeService?: (options: ServiceOptions) => TradecraftService): Promise<number> {
  const { run, files, missing } = await prepareRun({ ...options, severity: {} }, cwd, console);
  const documents: ViewDocument<ViewName>[] = [];
  let failed = 0;
  await forEachDocument(files, run, options.view, ({ path, result, messages }) => {
    for (const message of messages) console.err(message);
    if (result) documents.push({ path, view: result });
    else failed++;
  }, makeService);
  console.out(render(options, documents, cwd));
  return missing.length > 0 || failed > 0 ? 2 : 0;
}

function render(options: ViewOptions, documents: readonly ViewDocument<ViewName>[], cwd: string): string {
  switch (options.view) {
    case 'matrix': return renderMatrix(options.format, (documents as readonly ViewDocument<'matrix'>[]).map(({ path, view }) => ({ path, view: inOrder(view, options.order) })));
    case 'map': return options.format === 'dot' ? formatMapDot(documents as readonly ViewDocument<'map'>[]) : formatMapMermaid(documents as readonly ViewDocument<'map'>[]);
    default: {
      if (options.format === 'json') return formatViewJson(options.view, documents);
      const view = options.view;
      const pages = documents.map((document) => pageOf(view, document as ViewDocument<TableViewName>, cwd));
      return options.format === 'markdown' ? formatViewMarkdown(pages) : formatViewText(pages);
    }
  }
}

function renderMatrix(format: ViewFormat, documents: readonly ViewDocument<'matrix'>[]): string {
  switch (format) {
    case 'json': return formatViewJson('matrix', documents);
    case 'markdown': return formatMatrixMarkdown(documents);
    case 'html': return formatMatrixHtml(documents);
    default: return formatMatrixText(documents);
  }
}
