import type { ViewDocument } from '../viewPages.js';
import type { ViewName } from '../viewOptions.js';

/** `{"view": name, "documents": [{"path", …the view's rows}]}`: the views' plain data as it is. */
export function formatViewJson(name: ViewName, documents: readonly ViewDocument<ViewName>[]): string {
  return `${JSON.stringify({ view: name, documents: documents.map(({ path, view }) => ({ path, ...view })) }, null, 2)}\n`;
}
