/** `tradecraft matrix` and `tradecraft map`, spawned: each format, hostile text, the help and bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { TempDir, assertNoCrash, lines, startCli, type CliResult } from './cliHarness.js';

const HOSTILE = lines(
  '---',
  'sources:',
  '  tracker: https://example.org/t',
  '---',
  '# Hostile',
  '',
  ':hypothesis[Moscow wants a <script>alert("x")</script> base]{#h1 status=favored}',
  '',
  ':hypothesis[The exercise "ended" | simply; [really] #quot; %%]{#h2 status=rejected}',
  '',
  ':hypothesis[Nothing weighs me]{#h3}',
  '',
  ':evidence[Barracks <b>are</b> heated & lit \'here\' [@tracker]]{#e1 for=h1 against=h2}',
  '',
  ':evidence[Trains left at night `code` *fast* \\ back]{#e2 against=h1}',
  '',
  ':evidence[Officers rented flats [@tracker]]{#e3 for=h1,h2}',
  '',
  ':claim[Nothing grounds this claim, which is long enough that the terminal must cut it somewhere near the end of its line]{#c1 for=h2}',
  '',
  ':indicator[Barracks are built]{#i1 for=h1 status=watch}',
  '',
  ':assumption[Minsk decides]{#a1}',
  '',
  ':claim[Rests on a1 [@tracker]]{#c2 assumes=a1}',
  '',
);

const PLAIN = lines('# Notes', '', 'Nothing marked here.', '');

/** The results of the runs, by name, filled in by a `before` hook that starts them together. */
function runsOf<K extends string>(dir: TempDir, runs: Record<K, readonly string[]>): Record<K, CliResult> {
  const out = {} as Record<K, CliResult>;
  before(async () => {
    const entries = Object.entries(runs) as [K, readonly string[]][];
    const results = await Promise.all(entries.map(([, args]) => startCli(args, dir.root)));
    entries.forEach(([key], i) => (out[key] = results[i]!));
  });
  return out;
}

/** Whether a program runs here (pandoc, Graphviz): the checks that need it are skipped without it. */
/** Whether a program runs: `dot` says its version with `-V` (it takes `--version` for an unknown option), pandoc with `--version`. */
function installed(program: string, versionFlag = '--version'): boolean {
  return spawnSync(program, [versionFlag], { encoding: 'utf8' }).status === 0;
}

function run(input: string, program: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(program, args, { input, encoding: 'utf8' });
}

describe('tradecraft matrix', () => {
  const dir = new TempDir();
  dir.write('hostile.md', HOSTILE);
  dir.write('plain.md', PLAIN);
  const out = runsOf(dir, {
    text: ['matrix', 'hostile.md', 'plain.md'],
    markdown: ['matrix', '--format', 'markdown', 'hostile.md'],
    json: ['matrix', '-f', 'json', 'hostile.md', 'plain.md'],
    jsonDocument: ['matrix', '-f', 'json', '--order', 'document', 'hostile.md'],
    html: ['matrix', '-f', 'html', 'hostile.md', 'plain.md'],
  });

  it('exits 0 without a word on stderr in every format', () => {
    for (const [key, result] of Object.entries(out)) {
      assertNoCrash(result);
      assert.equal(result.status, 0, `${key}: ${result.stderr}`);
      assert.equal(result.stderr, '', key);
    }
  });

  it('json: the hypotheses with their scores, the rows most discriminating first or as written, and how it is scored', () => {
    const [hostile, plain] = JSON.parse(out.json.stdout).documents;
    assert.equal(JSON.parse(out.json.stdout).view, 'matrix');
    assert.deepEqual(hostile.hypotheses.map((column: { id: string; score: number; leastRefuted: boolean; weighed: boolean }) => [column.id, column.score, column.leastRefuted, column.weighed]), [
      ['h1', 1, true, true],
      ['h2', 1, true, true],
      ['h3', 0, false, false],
    ]);
    const rows = (document: { rows: { id: string; ratings: string[]; sourced: boolean; nonDiscriminating: boolean; sensitive: boolean }[] }) =>
      document.rows.map((row) => `${row.id} ${row.ratings.join(',')} ${row.sourced ? 'sourced' : 'unsourced'}${row.nonDiscriminating ? ' non-discriminating' : ''}${row.sensitive ? ' sensitive' : ''}`);
    assert.deepEqual(rows(hostile), [
      'e1 consistent,inconsistent,none sourced sensitive',
      'e2 inconsistent,none,none unsourced sensitive',
      // Ties in document order.
      'e3 consistent,consistent,none sourced',
      'c1 none,consistent,none unsourced',
    ]);
    assert.deepEqual(rows(JSON.parse(out.jsonDocument.stdout).documents[0]).map((row) => row.split(' ')[0]), ['e1', 'e2', 'e3', 'c1']);
    assert.deepEqual(hostile.notObserved.map((ref: { id: string }) => ref.id), ['i1']);
    assert.deepEqual(hostile.rejectedLeastRefuted.map((ref: { id: string }) => ref.id), ['h2']);
    assert.match(hostile.scoring.join(' '), /not a verdict/);
    assert.deepEqual([plain.path, plain.hypotheses, plain.rows], ['plain.md', [], []]);
  });

  it('text: a grid no wider than 100 columns, long texts cut with …, and what the score is', () => {
    const text = out.text.stdout;
    for (const line of text.split('\n')) assert.ok([...line].length <= 100, `too wide: ${line}`);
    assert.match(text, /^hostile\.md: Evidence matrix \(ACH\)\n/);
    assert.match(text, /\n {4}Row +Line +Src +H1 +H2 +H3 +Notes +Text\n {4}e1 +13 +yes +C +I +· +sensitive +Barracks <b>are<\/b>/);
    assert.match(text, /\n {4}H3 +h3 +none +0 +0 +not weighed +Nothing weighs me\n/);
    assert.match(text, /c1 .*Nothing grounds this claim, which is long.*…\n/);
    assert.match(text, /Not scored until observed: i1 \(line 21\)\./);
    assert.match(text, /h2 is marked rejected but is the least refuted \(tied\)\./);
    assert.match(text, /How the score is computed:\n {4}A row is a marker/);
    assert.match(text, /\nplain\.md: Evidence matrix \(ACH\)\n {2}no hypotheses\n$/);
  });

  it('markdown: GFM tables whose rows all have the header\'s cells, document text escaped', () => {
    const markdown = out.markdown.stdout;
    for (const table of markdown.split(/\n\n/).filter((block) => block.startsWith('|'))) {
      const [header, ...rows] = table.trim().split('\n');
      const cells = (line: string) => line.split(/(?<!\\)\|/).length;
      for (const row of rows) assert.equal(cells(row), cells(header!), row);
    }
    assert.ok(markdown.includes('The exercise "ended" \\| simply; \\[really\\] \\#quot; %%'), markdown);
    assert.ok(markdown.includes('Moscow wants a \\<script\\>alert("x")\\</script\\> base'), markdown);
  });

  it('markdown: pandoc -f gfm renders both tables, every row with its cells, and no tag from the document', { skip: !installed('pandoc') && 'pandoc is not installed' }, () => {
    const rendered = run(out.markdown.stdout, 'pandoc', ['-f', 'gfm', '-t', 'html']);
    const html = rendered.stdout;
    const tables = html.split('<table>').slice(1);
    assert.equal(tables.length, 2, rendered.stderr);
    // The hypotheses (3 and the header) and the rows (4, the score and the header), 7 and 9 cells each.
    assert.deepEqual(tables.map((table) => table.split('<tr').length - 1), [4, 6]);
    for (const [table, width] of [[tables[0]!, 7], [tables[1]!, 9]] as const) {
      for (const row of table.split('<tr').slice(1)) assert.equal(row.split(/<t[hd][ >]/).length - 1, width, row);
    }
    assert.doesNotMatch(html, /<script|<b>/);
  });

  it('html: a standalone page, hostile text inert, nothing fetched, light and dark', () => {
    const html = out.html.stdout;
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.doesNotMatch(html, /<script|<b>|\s(src|href)=/i);
    assert.ok(html.includes('Moscow wants a &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; base'));
    assert.ok(html.includes('heated &#38; lit &#39;here&#39;'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.match(html, /<td class="rating inconsistent">I<\/td>/);
    assert.match(html, /<h2>plain\.md<\/h2>\n<p>No hypotheses\.<\/p>/);
    assert.match(html, /not a verdict/);
    // Every element opened is closed, in order: the escaping left no stray markup.
    const stack: string[] = [];
    for (const [, closing, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>/g)) {
      if (['meta', 'br', '!doctype'].includes(name!)) continue;
      if (closing) assert.equal(stack.pop(), name);
      else stack.push(name!);
    }
    assert.deepEqual(stack, []);
  });
});

/**
 * The Mermaid the map relies on, line by line: a node with a quoted label in one of five shapes
 * and a class, an edge of four kinds with a label, `subgraph`/`end`, `linkStyle` and `classDef`.
 * A quoted label holds no `"`, and no `#` but Mermaid's numeric entities, no `<` but our `<br>`.
 */
function readMermaid(text: string): { nodes: string[]; edges: [string, string, string][] } {
  const [first, ...rest] = text.trimEnd().split('\n');
  assert.equal(first, 'flowchart BT');
  const nodes: string[] = [];
  const edges: [string, string, string][] = [];
  for (const line of rest) {
    const node = /^ +(d\d+n\d+)(\[|\[\/|\{\{|\(\[)"([^"]*)"(\]|\/\]|\\\]|\}\}|\]\)):::[a-z]+$/.exec(line);
    const edge = /^ +(d\d+n\d+) (-->|--x|-\.->|-\.-x)\|([a-z, ]+)\| (d\d+n\d+)$/.exec(line);
    if (node) {
      assert.doesNotMatch(node[3]!.replace(/#\d+;|<br>/g, ''), /[#<>&%`]/, line);
      nodes.push(node[1]!);
    } else if (edge) edges.push([edge[1]!, edge[2]!, edge[4]!]);
    else assert.match(line, /^ +(subgraph document\d+\["[^"]*"\]|end|linkStyle [\d,]+ [a-z:#0-9,-]+|classDef [a-z]+ [a-z:#0-9, -]+)$/, line);
  }
  for (const [from, , to] of edges) assert.ok(nodes.includes(from) && nodes.includes(to), `${from} → ${to}`);
  return { nodes, edges };
}

describe('tradecraft map', () => {
  const dir = new TempDir();
  dir.write('hostile.md', HOSTILE);
  dir.write('plain.md', PLAIN);
  dir.write('copy.md', HOSTILE);
  const out = runsOf(dir, {
    mermaid: ['map', 'hostile.md'],
    dot: ['map', '--format', 'dot', 'hostile.md'],
    mermaidTwo: ['map', 'hostile.md', 'copy.md'],
    dotTwo: ['map', '-f', 'dot', 'hostile.md', 'plain.md'],
  });

  it('exits 0 without a word on stderr in both formats', () => {
    for (const [key, result] of Object.entries(out)) {
      assertNoCrash(result);
      assert.equal(result.status, 0, `${key}: ${result.stderr}`);
      assert.equal(result.stderr, '', key);
    }
  });

  it('mermaid: a node a marker, an edge each for, against, assumption and watched indicator, labels escaped', () => {
    const { nodes, edges } = readMermaid(out.mermaid.stdout);
    assert.equal(nodes.length, 10);
    assert.deepEqual(edges.map(([, arrow]) => arrow), ['-->', '--x', '--x', '-->', '-->', '-->', '-.->', '-.->']);
    const text = out.mermaid.stdout;
    assert.ok(text.includes('{{"hypothesis h2 [rejected]<br>The exercise #34;ended#34; | simply; [really] #35;quot; #37;#37;"}}:::hypothesis'), text);
    assert.match(text, /d1n6\["claim c1 \(unsupported\)<br>Nothing grounds this claim, [^"]*…"\]:::unsupported/);
    assert.match(text, /d1n7 -\.->\|for, if observed\| d1n0/);
    assert.match(text, /linkStyle 1,2 stroke:#c5221f/);
    assert.match(text, /classDef unsupported .*stroke-dasharray/);
  });

  it('mermaid: several documents are a subgraph each, their node names apart', () => {
    const { nodes, edges } = readMermaid(out.mermaidTwo.stdout);
    assert.equal(new Set(nodes).size, 20);
    assert.equal(edges.length, 16);
    assert.match(out.mermaidTwo.stdout, /subgraph document2\["copy\.md"\]/);
  });

  it('dot: one node a marker with its kind\'s shape, the edges styled, strings escaped', () => {
    const dot = out.dot.stdout;
    const nodes = [...dot.matchAll(/^ {2}(d\d+n\d+) \[label="((?:[^"\\]|\\.)*)", shape=([a-z]+)/gm)];
    assert.deepEqual(nodes.map((node) => node[3]), ['hexagon', 'hexagon', 'hexagon', 'parallelogram', 'parallelogram', 'parallelogram', 'box', 'ellipse', 'trapezium', 'box']);
    const edges = [...dot.matchAll(/^ {2}(d\d+n\d+) -> (d\d+n\d+) \[label="([a-z, ]+)"/gm)];
    assert.deepEqual(edges.map((edge) => edge[3]), ['for', 'against', 'against', 'for', 'for', 'for', 'for, if observed', 'assumed by']);
    // Graphviz does not wrap labels: the text is broken into lines of 28 characters at most.
    assert.ok(dot.includes('The exercise \\"ended\\" |\\nsimply; [really] #quot; %%"'), dot);
    assert.ok(dot.includes('*fast* \\\\ back'), dot);
    assert.match(dot, /d1n6 \[label="claim c1 \(unsupported\)\\n[^"]*", shape=box, style="dashed,bold", color="#c5221f"\];/);
  });

  it('dot: Graphviz reads it, one document or several, and draws every node and edge', { skip: !installed('dot', '-V') && 'Graphviz is not installed' }, () => {
    for (const [source, nodes, edges] of [[out.dot.stdout, 10, 8], [out.dotTwo.stdout, 10, 8]] as const) {
      const svg = run(source, 'dot', ['-Tsvg']);
      assert.equal(svg.status, 0, svg.stderr);
      assert.equal(svg.stderr, '');
      assert.equal(svg.stdout.split('class="node"').length - 1, nodes);
      assert.equal(svg.stdout.split('class="edge"').length - 1, edges);
      assert.doesNotMatch(svg.stdout, /<script|<b>/);
    }
  });
});

describe('the matrix\'s and the map\'s help and bad input', () => {
  const dir = new TempDir();
  dir.write('hostile.md', HOSTILE);
  dir.write('binary.md', '\u0000\u0001');
  const out = runsOf(dir, {
    matrixHelp: ['matrix', '--help'],
    mapHelp: ['map', '-h'],
    badFormat: ['matrix', '--format', 'mermaid', 'hostile.md'],
    badMapFormat: ['map', '--format', 'html', 'hostile.md'],
    badOrder: ['matrix', '--order', 'random', 'hostile.md'],
    orderElsewhere: ['map', '--order', 'document', 'hostile.md'],
    missing: ['matrix', 'hostile.md', 'nowhere.md'],
    mapMissing: ['map', 'nowhere.md'],
    binary: ['map', 'binary.md'],
  });

  it('--help names the formats and options, exit 0', () => {
    assert.equal(out.matrixHelp.status, 0);
    assert.match(out.matrixHelp.stdout, /^Usage: tradecraft matrix /);
    for (const word of ['text|markdown|json|html', '--order diagnosticity|document', 'not a verdict', '--bibliography', '--workspace']) assert.ok(out.matrixHelp.stdout.includes(word), word);
    assert.equal(out.mapHelp.status, 0);
    assert.match(out.mapHelp.stdout, /^Usage: tradecraft map /);
    for (const word of ['mermaid|dot', '(default: mermaid)', 'dot -Tsvg']) assert.ok(out.mapHelp.stdout.includes(word), word);
  });

  it('a format or an order the command does not have is a usage error: exit 2, a clear message, no output', () => {
    const expected = {
      badFormat: /"mermaid" is not allowed for --format: use one of text, markdown, json, html\./,
      badMapFormat: /"html" is not allowed for --format: use one of mermaid, dot\./,
      badOrder: /"random" is not allowed for --order: use one of diagnosticity, document\./,
      orderElsewhere: /--order is an option of matrix only\. Run "tradecraft map --help" for the options\./,
    } as const;
    for (const [key, message] of Object.entries(expected)) {
      const result = out[key as keyof typeof expected];
      assertNoCrash(result);
      assert.equal(result.status, 2, key);
      assert.equal(result.stdout, '', key);
      assert.match(result.stderr, message);
    }
  });

  it('a missing file is said on stderr and exits 2; the others are still shown', () => {
    assertNoCrash(out.missing);
    assert.equal(out.missing.status, 2);
    assert.match(out.missing.stderr, /nowhere\.md: no such file or folder/);
    assert.match(out.missing.stdout, /^hostile\.md: Evidence matrix/);
    assert.equal(out.mapMissing.status, 2);
    assert.match(out.mapMissing.stderr, /nowhere\.md: no such file or folder/);
  });

  it('a file that is not text still gives a map (of nothing), without a stack trace', () => {
    assertNoCrash(out.binary);
    assert.equal(out.binary.status, 0);
    assert.deepEqual(readMermaid(out.binary.stdout), { nodes: [], edges: [] });
  });
});
