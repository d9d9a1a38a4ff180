import { buildModel, readJudgmentProse } from '../model/buildModel.js';
import type { DocumentModel } from '../model/model.js';
import type { IncrementalParser } from '../parse/incrementalParser.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import { runToEnd, type Steps } from '../parse/steps.js';
import { readFrontMatter, type FrontMatterData } from '../sources/frontMatter.js';

/** What one version of a document says by itself, before any file it names is read. */
export interface DocumentSyntax {
  readonly model: DocumentModel;
  readonly frontMatter: FrontMatterData;
  /**
   * The document uses the annotation language: it has a marker or a near miss of one, or
   * `sources:` or `bibliography:` in its front matter. Other documents get no diagnostics.
   */
  readonly usesLanguage: boolean;
}

/**
 * Parses a document once and reads its model and front matter. Never throws. With a `parser`
 * that read the document's previous version, only the blocks that changed are parsed again.
 */
export function readDocument(text: string, parser?: IncrementalParser, readsProse?: ReadsProse): DocumentSyntax {
  return runToEnd(readDocumentInSteps(text, parser, readsProse));
}

/**
 * Whether the judgments' `prose` is read, given what the front matter says: only the rules of a
 * standard read it, and on a large document reading it costs a good part of a keystroke.
 */
export type ReadsProse = (frontMatter: FrontMatterData) => boolean;

/**
 * `readDocument`, pausing between the blocks the parser parses. The model is built in the step
 * that ends the parse: the parser moves the trees of reused blocks, so the tree must be read
 * before another parse of the same parser runs.
 */
export function* readDocumentInSteps(text: string, parser?: IncrementalParser, readsProse: ReadsProse = () => true): Steps<DocumentSyntax> {
  const parsed = parser ? yield* parser.parseInSteps(text) : parseMarkdown(text);
  const model = buildModel(parsed);
  const frontMatter = readFrontMatter(model.frontMatter, model.lines);
  if (readsProse(frontMatter)) readJudgmentProse(parsed, model);
  const usesLanguage = model.markers.length > 0 || model.nearMisses.length > 0 || frontMatter.declaresSources;
  return { model, frontMatter, usesLanguage };
}
