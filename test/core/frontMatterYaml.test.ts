import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, lines } from '../support/check.js';

/** A front matter of `bytes` characters: a title and one source per line. */
function largeFrontMatter(bytes: number): string {
  const entries: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const entry = `  key${i}: https://example.org/${i}`;
    entries.push(entry);
    size += entry.length + 1;
  }
  return lines('---', 'title: Large', 'sources:', ...entries, '---', ':claim[Cited [@key7]]{#c1}', '');
}

describe('the YAML of the front matter', () => {
  it('reports a duplicate key where the second one is written, in any map', async () => {
    const text = lines('---', 'sources:', '  a: https://example.org/a', '  b: {title: B, title: again}', '  a: https://example.org/other', '---', ':claim[Cited [@a]]{#c1}');
    const { diagnostics } = await analyzeFixture({ text });
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line + 1, d.code, d.message]), [
      [4, 'bad-front-matter', 'The front matter is not valid YAML: Map keys must be unique. Fix it; until then, citations are not checked against the sources.'],
    ]);
  });

  it('tells keys apart by value and type, as YAML does (1 and "1" differ)', async () => {
    const text = lines('---', 'sources:', '  1: https://example.org/a', '  "1": https://example.org/b', '---', ':claim[Cited [@1]]{#c1}');
    assert.deepEqual((await analyzeFixture({ text })).diagnostics, []);
  });

  it('reads 3 MB of front matter in seconds (the duplicate-key check was quadratic: about a minute)', async () => {
    const started = Date.now();
    const { analysis, diagnostics } = await analyzeFixture({ text: largeFrontMatter(3_000_000) });
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    assert.ok(analysis.sources.get('key7'));
    assert.deepEqual(diagnostics.map((d) => d.code).filter((code) => code !== 'unused-source'), []);
  });
});
