/**
 * Source grades, retractions and empty sources (spec, "Source grades"): read alike in every place
 * a source is defined, and what they do to citations, diagnostics and hovers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { getHover } from '../../server/src/features/hover.js';
import { parseBibliography } from '../../server/src/sources/bibliographyFile.js';
import type { SourceDetails } from '../../server/src/sources/sourceEntry.js';
import { analyzeFixture, diagnosticLines, lines } from '../support/check.js';

type Field = 'grade' | 'retracted';

/** What an entry reads from one field: the grade or the retraction, `bad` for `bad-source-grade`. */
type Reading = string | { reason: string | undefined } | undefined | 'bad';

interface Case {
  readonly field: Field;
  /** The value as written in YAML. */
  readonly yaml: string;
  /** The same value in CSL-JSON, or undefined where JSON cannot write it (`Yes` unquoted is a text). */
  readonly json?: unknown;
  /** The same value as a BibTeX text, where it is one. */
  readonly bib?: string;
  readonly reads: Reading;
}

const CASES: readonly Case[] = [
  { field: 'grade', yaml: 'B2', json: 'B2', bib: 'B2', reads: 'B2' },
  { field: 'grade', yaml: 'F6', json: 'F6', bib: ' F6 ', reads: 'F6' },
  { field: 'grade', yaml: 'b2', json: 'b2', bib: 'b2', reads: 'bad' },
  { field: 'grade', yaml: 'B7', json: 'B7', bib: 'B7', reads: 'bad' },
  { field: 'grade', yaml: 'G1', json: 'G1', bib: 'G1', reads: 'bad' },
  { field: 'grade', yaml: '2B', json: '2B', bib: '2B', reads: 'bad' },
  { field: 'grade', yaml: '""', json: '', bib: '', reads: 'bad' },
  { field: 'grade', yaml: '12', json: 12, reads: 'bad' },
  { field: 'grade', yaml: '[B2]', json: ['B2'], reads: 'bad' },
  { field: 'grade', yaml: 'null', json: null, reads: undefined },
  { field: 'grade', yaml: '~', reads: undefined },
  { field: 'retracted', yaml: 'true', json: true, bib: 'true', reads: { reason: undefined } },
  { field: 'retracted', yaml: 'TRUE', json: 'TRUE', bib: 'True', reads: { reason: undefined } },
  { field: 'retracted', yaml: 'Yes', json: 'yes', bib: 'YES', reads: { reason: undefined } },
  { field: 'retracted', yaml: 'The journal withdrew it', json: 'The journal withdrew it', bib: 'The journal withdrew it', reads: { reason: 'The journal withdrew it' } },
  { field: 'retracted', yaml: 'false', json: false, bib: 'false', reads: undefined },
  { field: 'retracted', yaml: 'No', json: 'NO', bib: 'no', reads: undefined },
  { field: 'retracted', yaml: '""', json: '', bib: '', reads: undefined },
  { field: 'retracted', yaml: 'null', json: null, reads: undefined },
  { field: 'retracted', yaml: '1', json: 1, reads: 'bad' },
  { field: 'retracted', yaml: '[withdrawn]', json: ['withdrawn'], reads: 'bad' },
  { field: 'retracted', yaml: '{why: withdrawn}', json: { why: 'withdrawn' }, reads: 'bad' },
];

function readingOf(details: SourceDetails | undefined, field: Field): Reading {
  assert.ok(details, 'the source resolves');
  if (details.badFields?.includes(field)) return 'bad';
  return field === 'grade' ? details.grade : details.retraction && { reason: details.retraction.reason };
}

async function frontMatterSource(yaml: string): Promise<SourceDetails | undefined> {
  const { analysis } = await analyzeFixture({ text: lines('---', yaml, '---', ':evidence[Cited [@k]]{#e1}') });
  return analysis.sources.get('k');
}

/** Every place a source is defined, as a way to read one entry `k` with the field written in it. */
const FORMATS: readonly { name: string; read: (c: Case) => Promise<SourceDetails | undefined> | SourceDetails | undefined; takes: (c: Case) => boolean }[] = [
  { name: 'front matter sources:', takes: () => true, read: (c) => frontMatterSource(lines('sources:', '  k:', '    title: T', `    ${c.field}: ${c.yaml}`)) },
  { name: 'front matter references:', takes: () => true, read: (c) => frontMatterSource(lines('references:', '- id: k', '  title: T', `  ${c.field}: ${c.yaml}`)) },
  { name: 'a YAML file like sources:', takes: () => true, read: (c) => fileItem(lines('k:', '  title: T', `  ${c.field}: ${c.yaml}`), 'yaml') },
  { name: 'a CSL YAML file', takes: () => true, read: (c) => fileItem(lines('references:', '- id: k', '  title: T', `  ${c.field}: ${c.yaml}`), 'yaml') },
  { name: 'a CSL-JSON file', takes: (c) => 'json' in c, read: (c) => fileItem(JSON.stringify([{ id: 'k', title: 'T', [c.field]: c.json }]), 'csl-json') },
  { name: 'a BibTeX file', takes: (c) => c.bib !== undefined, read: (c) => fileItem(`@misc{k,\n  title = {T},\n  ${c.field} = {${c.bib}}\n}\n`, 'bibtex') },
];

function fileItem(text: string, format: 'yaml' | 'csl-json' | 'bibtex'): SourceDetails | undefined {
  const parsed = parseBibliography(text, format);
  assert.equal(parsed.error, undefined, text);
  return parsed.items.find((item) => item.key === 'k');
}

describe('grade and retracted, read alike in every place a source is defined', () => {
  for (const format of FORMATS) {
    it(`in ${format.name}`, async () => {
      for (const c of CASES.filter(format.takes)) {
        assert.deepEqual(readingOf(await format.read(c), c.field), c.reads, `${c.field}: ${c.yaml}`);
      }
    });
  }
});

describe('empty sources', () => {
  const EMPTY = [
    lines('sources:', '  k:'),
    lines('sources:', '  k: ""'),
    lines('sources:', '  k:', '    title: ""', '    author: []', '    url: "  "'),
    lines('sources:', '  k:', '    publisher: A ministry', '    date: 2024', '    grade: B2'),
    lines('references:', '- id: k', '  author: []', '  publisher: A ministry'),
  ];
  const FILLED = [
    lines('sources:', '  k: https://example.org/k'),
    lines('sources:', '  k:', '    author: [A. Writer]'),
    lines('sources:', '  k:', '    doi: 10.1000/182'),
    lines('references:', '- id: k', '  author: [{family: Writer, given: A.}]'),
  ];

  it('a citation of an entry with none of title, author, url and doi is empty-source only', async () => {
    for (const yaml of EMPTY) {
      const text = lines('---', yaml, '---', ':evidence[Cited [@k]]{#e1}');
      assert.deepEqual(await diagnosticLines(text), [`${yaml.split('\n').length + 3}:empty-source`], yaml);
    }
  });

  it('an entry with any of them is a source', async () => {
    for (const yaml of FILLED) assert.deepEqual(await diagnosticLines(lines('---', yaml, '---', ':evidence[Cited [@k]]{#e1}')), [], yaml);
  });

  it('in BibTeX and CSL-JSON files alike', async () => {
    const files = {
      '/ws/refs.bib': '@misc{stub-bib,\n  title = {},\n  year = {2024}\n}\n',
      '/ws/refs.json': JSON.stringify([{ id: 'stub-json', title: '', author: [], publisher: 'A ministry' }]),
    };
    const text = lines('---', 'bibliography: [refs.bib, refs.json]', '---', ':evidence[Cited [@stub-bib]]{#e1}', '', ':evidence[Cited [@stub-json]]{#e2}');
    assert.deepEqual(await diagnosticLines(text, { files }), ['4:empty-source', '6:empty-source']);
  });
});

describe('a retracted or empty source sources nothing', () => {
  const SOURCES = lines('---', 'sources:', '  gone:', '    url: https://example.org/gone', '    retracted: true', '  stub:', '    note: to find', '  both:', '    retracted: yes', '  fine: https://example.org/fine', '---');

  it('a marker whose only sources are retracted or empty gets only those diagnostics', async () => {
    const text = lines(SOURCES, ':evidence[A [@gone; @stub]]{#e1}', '', ':claim[B [@both; @fine]]{#c1}', '', ':claim[C [@both]]{#c2}');
    assert.deepEqual(await diagnosticLines(text), ['12:retracted-source', '12:empty-source', '14:empty-source', '14:retracted-source', '16:empty-source', '16:retracted-source']);
  });

  it('one working source beside them is enough, and the others are still reported', async () => {
    const text = lines(SOURCES, ':evidence[A [@gone; @fine]]{#e1}', '', ':claim[B [@stub]]{#c1 src=fine}', '', ':claim[C [@both]]{#c2}');
    assert.deepEqual(await diagnosticLines(text), ['12:retracted-source', '14:empty-source', '16:empty-source', '16:retracted-source']);
  });

  it('what such a marker supports is unsupported, and the citations outside markers are reported too', async () => {
    const text = lines(SOURCES, ':evidence[A [@gone]]{#e1 for=c1}', '', ':claim[B]{#c1}', '', 'As @gone and [@stub] said [@fine; @both].', '', ':evidence[C]{#e2 src=stub}');
    assert.deepEqual(await diagnosticLines(text), ['12:retracted-source', '14:unsupported-claim', '16:retracted-source', '16:empty-source', '16:empty-source', '16:retracted-source', '18:empty-source']);
  });

  it('a key that cannot be checked while a bibliography is broken still counts as working', async () => {
    const text = lines('---', 'bibliography: missing.bib', 'sources:', '  gone:', '    title: G', '    retracted: true', '---', ':claim[A [@gone; @elsewhere]]{#c1}');
    assert.deepEqual(await diagnosticLines(text), ['2:bad-bibliography', '8:retracted-source']);
  });
});

describe('where bad-source-grade is reported', () => {
  const FILE = '@misc{field-notes,\n  title = {Field notes},\n  grade = {b2}\n}\n';

  it('for every entry of every loaded file, shadowed ones included, where bad-bibliography would be', async () => {
    const files = { '/ws/a.yaml': 'dup:\n  title: Shadowed\n  grade: Z9\n', '/ws/b.json': JSON.stringify([{ id: 'dup', title: 'Also shadowed', retracted: 2 }]) };
    const text = lines('---', 'sources:', '  dup:', '    title: The one that resolves', '    grade: B22', 'bibliography:', '  - a.yaml', '  - b.json', '---', ':claim[A [@dup]]{#c1}');
    assert.deepEqual(await diagnosticLines(text, { files }), ['3:bad-source-grade', '7:bad-source-grade', '8:bad-source-grade']);
  });

  it('for a file from the settings, on the front matter\'s first line, or on line 1 without front matter', async () => {
    const settings = { bibliography: [URI.file('/home/me/library.bib')] };
    const files = { '/home/me/library.bib': FILE };
    for (const text of [lines('---', 'title: T', '---', ':claim[A [@field-notes]]{#c1}'), lines(':claim[A [@field-notes]]{#c1}')]) {
      const { diagnostics } = await analyzeFixture({ text, files, settings });
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['bad-source-grade', { start: { line: 0, character: 0 }, end: { line: 0, character: text.indexOf('\n') === -1 ? text.length : text.indexOf('\n') } }]], text);
      assert.match(diagnostics[0]!.message, /library\.bib/);
    }
  });

  it('leaves the source resolving and ungraded, naming the file and the line of the entry', async () => {
    const { analysis, diagnostics } = await analyzeFixture({ text: lines('---', 'bibliography: refs.bib', '---', ':claim[A [@field-notes]]{#c1}'), files: { '/ws/refs.bib': `\n${FILE}` } });
    assert.deepEqual(diagnostics.map((d) => d.code), ['bad-source-grade']);
    assert.match(diagnostics[0]!.message, /^Source "field-notes" in "refs\.bib" \(line 2\): its grade is not an Admiralty code/);
    assert.equal(analysis.sources.get('field-notes')?.grade, undefined);
  });

  it('once per entry, naming each field that is not allowed', async () => {
    const { diagnostics } = await analyzeFixture({ text: lines('---', 'sources:', '  k:', '    title: T', '    grade: b2', '    retracted: 0', '---', ':claim[A [@k]]{#c1}') });
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /grade is not an Admiralty code.*; its retracted: value is not allowed/);
  });
});

describe('the hover on a citation of a graded or retracted source', () => {
  async function hoverOnCitation(entry: string[]): Promise<string> {
    const { analysis } = await analyzeFixture({ text: lines('---', 'sources:', '  k:', ...entry.map((line) => `    ${line}`), '---', ':claim[A [@k]]{#c1}') });
    const hover = getHover(analysis, analysis.syntax.model.text.indexOf('@k') + 1);
    assert.ok(hover);
    return hover.contents;
  }

  it('shows the grade in words', async () => {
    assert.match(await hoverOnCitation(['title: T', 'grade: B2']), /B2 — usually reliable, probably true/);
    assert.match(await hoverOnCitation(['title: T', 'grade: F6']), /F6 — reliability cannot be judged, truth cannot be judged/);
    assert.doesNotMatch(await hoverOnCitation(['title: T', 'grade: B7']), /B7|Graded/);
  });

  it('shows the retraction and its reason', async () => {
    assert.match(await hoverOnCitation(['title: T', 'retracted: The journal withdrew it']), /\*\*Retracted\*\*: The journal withdrew it/);
    assert.match(await hoverOnCitation(['title: T', 'retracted: true']), /\*\*Retracted\*\*;/);
    assert.doesNotMatch(await hoverOnCitation(['title: T', 'retracted: false']), /Retracted/);
  });
});
