/**
 * Publishing through the real `pandoc --citeproc`: the export for Pandoc of every finished
 * document (the finished example, each conformance case without error-level diagnostics),
 * rendered to HTML from another folder. Needs pandoc: `npm run test:publish` runs it (CI does);
 * `npm test` skips it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'parse5';
import { URI } from 'vscode-uri';
import type { Analysis } from '../../server/src/analysis/analysis.js';
import type { Marker } from '../../server/src/model/model.js';
import { nodeHost } from '../../server/src/node/nodeHost.js';
import { createService } from '../../server/src/service.js';
import { DEFAULT_SETTINGS } from '../../server/src/settings.js';
import { REPO_ROOT, runCli } from '../cli/cliHarness.js';

const ENABLED = process.env['TRADECRAFT_PUBLISH'] === '1';
const CONFORMANCE = join(REPO_ROOT, '..', 'shared', 'conformance');

/** A finished document and the folder it is checked and exported from (its workspace). */
interface Finished {
  readonly file: string;
  readonly workspace: string;
}

const FINISHED: readonly Finished[] = [
  { file: join(REPO_ROOT, 'examples', 'finished', 'policy-shift-toward-belarus.md'), workspace: join(REPO_ROOT, 'examples') },
  ...(existsSync(CONFORMANCE) ? readdirSync(CONFORMANCE).filter((name) => name.endsWith('.md')).map((name) => ({ file: join(CONFORMANCE, name), workspace: CONFORMANCE })) : []),
];

describe('publishing through pandoc --citeproc', { skip: ENABLED ? false : 'run by npm run test:publish, which needs pandoc' }, () => {
  let elsewhere: string;
  before(() => {
    const version = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'pandoc is not installed (apt-get install -y pandoc)');
    elsewhere = mkdtempSync(join(tmpdir(), 'tradecraft-publish-'));
  });
  after(() => rmSync(elsewhere, { recursive: true, force: true }));

  for (const finished of FINISHED) {
    it(`renders ${finished.file.slice(REPO_ROOT.length - 1)}: every citation resolved, every marker an element with its id, kind and text`, async (t) => {
      const analysis = await analyze(finished);
      const errors = createService({ host: nodeHost, settings: DEFAULT_SETTINGS }).computeDiagnostics(analysis).filter((d) => d.severity === 'error');
      if (errors.length > 0) return t.skip(`not finished: ${errors.map((d) => d.code).join(', ')}`);
      const exported = await runCli(['export', finished.file], finished.workspace);
      assert.equal(exported.status, 0, exported.stderr);
      const rendered = spawnSync('pandoc', ['--citeproc', '-f', 'markdown', '-t', 'html'], { input: exported.stdout, cwd: elsewhere, encoding: 'utf8' });
      assert.equal(rendered.status, 0, rendered.stderr);
      assert.doesNotMatch(rendered.stderr, /citation \S+ not found/i, 'citeproc found every citation');
      const elements = elementsOf(rendered.stdout);
      for (const marker of analysis.syntax.model.markers) assertRendered(marker, elements);
      assertReferencesListed(analysis, elements);
    });
  }
});

async function analyze({ file, workspace }: Finished): Promise<Analysis> {
  const service = createService({ host: nodeHost, settings: DEFAULT_SETTINGS });
  const uri = URI.file(file);
  const read = await nodeHost.readFile(uri, Number.MAX_SAFE_INTEGER);
  assert.equal(read.kind, 'text');
  return service.analyze({ uri, text: read.kind === 'text' ? read.text : '', workspaceFolder: URI.file(workspace) });
}

interface Element {
  readonly id: string | undefined;
  readonly classes: readonly string[];
  readonly words: readonly string[];
}

/** Every element of the page with its id, its classes and the words of its text. */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const visit = (node: HtmlNode): string => {
    const attribute = (name: string) => node.attrs?.find((candidate) => candidate.name === name)?.value;
    const classes = (attribute('class') ?? '').split(/\s+/).filter(Boolean);
    const text = node.value ?? (node.childNodes ?? []).map(visit).join(node.tagName === 'p' || node.tagName === 'div' ? ' ' : '');
    if (node.attrs) elements.push({ id: attribute('id'), classes, words: wordsOf(text) });
    // A footnote's number is no word of the text it follows.
    return classes.includes('footnote-ref') ? ' ' : text;
  };
  visit(parse(html) as unknown as HtmlNode);
  return elements;
}

interface HtmlNode {
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { name: string; value: string }[];
  readonly childNodes?: readonly HtmlNode[];
}

function assertRendered(marker: Marker, elements: readonly Element[]): void {
  const { id } = marker.attributes;
  const candidates = elements.filter((element) => element.classes.includes(marker.kind) && (id === undefined || element.id === id));
  assert.ok(candidates.length > 0, `${marker.kind} ${id ?? '(no id)'} has no element with its ${id === undefined ? 'kind' : 'id and kind'}`);
  const words = wordsOf(withoutCitations(marker.text));
  assert.ok(candidates.some((element) => isSubsequence(words, element.words)), `${marker.kind} ${id ?? ''}: "${marker.text}" is not the text of its element`);
}

/** The reference list names every cited source by its title (citeproc may change its case and quotes). */
function assertReferencesListed(analysis: Analysis, elements: readonly Element[]): void {
  const references = elements.find((element) => element.id === 'refs');
  const titles = new Set(analysis.citations.flatMap((citation) => (citation.status === 'resolved' && citation.source?.title ? [citation.source.title] : [])));
  if (titles.size === 0) return;
  assert.ok(references, 'the page has a reference list');
  for (const title of titles) assert.ok(isSubsequence(wordsOf(title), references.words), `the reference list names "${title}"`);
}

/** A marker's text as a reader sees it, but for its citations (which citeproc writes its own way): no link targets, no footnote marks. */
function withoutCitations(text: string): string {
  return text
    .replace(/\[\^[^\]]+\]/g, ' ')
    .replace(/\]\([^)]*\)|\]\[[^\]]*\]/g, ']')
    .replace(/\[[^[\]]*@[^[\]]*\]/g, ' ')
    .replace(/-?@[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*/gu, ' ');
}

function wordsOf(text: string): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
}

function isSubsequence(words: readonly string[], within: readonly string[]): boolean {
  let at = 0;
  for (const word of within) if (word === words[at]) at++;
  return at === words.length;
}

