import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { readClientSettings } from '../../server/src/lsp/clientSettings.js';
import { analyzeFixture, diagnosticLines, lines } from '../support/check.js';

/** A document whose claim (after the front matter) gets `off-scale-likelihood` under PHIA, not under ICD 203. */
function document(frontMatter: string[]): string {
  return lines('---', ...frontMatter, 'sources:', '  s: https://example.org/s', '---', ':claim[Prices will very likely fall [@s]]{#c1}');
}

async function standardOf(frontMatter: string[], standards?: 'none' | 'icd203' | 'phia'): Promise<string | undefined> {
  const { analysis } = await analyzeFixture({ text: document(frontMatter), settings: standards ? { standards } : {} });
  return analysis.standard;
}

describe('choosing a standard', () => {
  it('applies none by default, and the setting\'s without standards: in the front matter', async () => {
    assert.equal(await standardOf([]), undefined);
    assert.equal(await standardOf([], 'phia'), 'phia');
    assert.deepEqual(await diagnosticLines(document([]), { settings: { standards: 'phia' } }), ['5:off-scale-likelihood']);
  });

  it('lets the front matter win over the setting, none included', async () => {
    assert.equal(await standardOf(['standards: icd203'], 'phia'), 'icd203');
    assert.equal(await standardOf(['standards: "phia"'], 'icd203'), 'phia');
    assert.equal(await standardOf(['standards: none'], 'phia'), undefined);
  });

  it('reads the judgments\' prose only when a standard applies', async () => {
    const proseOf = async (frontMatter: string[], standards?: 'none' | 'phia') => (await analyzeFixture({ text: document(frontMatter), settings: standards ? { standards } : {} })).analysis.syntax.model.markers[0]!.prose?.map((prose) => prose.text);
    assert.equal(await proseOf([]), undefined);
    assert.equal(await proseOf(['standards: none'], 'phia'), undefined);
    assert.deepEqual(await proseOf([], 'phia'), ['Prices will very likely fall \uFFFC']);
    assert.deepEqual(await proseOf(['standards: icd203']), ['Prices will very likely fall \uFFFC']);
  });

  it('applies the setting\'s while the front matter does not parse, since its standards: cannot be read', async () => {
    assert.equal(await standardOf(['standards: icd203', 'title: [unclosed'], 'phia'), 'phia');
  });

  it('reads standards: with no value as no choice', async () => {
    assert.equal(await standardOf(['standards:'], 'phia'), 'phia');
  });

  it('reports any other value on its key\'s line, and then applies no standard, not even the setting\'s', async () => {
    for (const value of ['ICD203', 'phia-2023', '203', 'true', '[icd203]', '{ a: b }']) {
      const text = document(['title: T', `standards: ${value}`]);
      const { analysis, diagnostics } = await analyzeFixture({ text, settings: { standards: 'phia' } });
      assert.equal(analysis.standard, undefined, value);
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['3:bad-front-matter'], value);
      assert.match(diagnostics[0]!.message, /write one of none, icd203, phia/);
    }
  });

  it('does not make a document checked by itself', async () => {
    assert.deepEqual(await diagnosticLines(lines('---', 'standards: bad', '---', 'Prices will perhaps fall.')), []);
  });

  it('keeps the front matter\'s sources while standards: is wrong', async () => {
    const text = lines('---', 'standards: ICD203', 'sources:', '  s: https://example.org/s', '---', ':claim[Fine [@s]]{#c1}', ':claim[Unknown [@t]]{#c2}');
    assert.deepEqual(await diagnosticLines(text), ['2:bad-front-matter', '7:unknown-source']);
  });
});

describe('the tradecraft.standards setting', () => {
  const read = (value: unknown) => {
    const warnings: string[] = [];
    const settings = readClientSettings({ standards: value }, URI.file('/ws'), (message) => warnings.push(message));
    return { standards: settings.core.standards, warnings };
  };

  it('takes none, icd203 and phia, and none when it is not set', () => {
    assert.deepEqual(['none', 'icd203', 'phia', undefined, null].map((value) => read(value)), [
      { standards: 'none', warnings: [] },
      { standards: 'icd203', warnings: [] },
      { standards: 'phia', warnings: [] },
      { standards: 'none', warnings: [] },
      { standards: 'none', warnings: [] },
    ]);
  });

  it('ignores any other value, with a message for the log', () => {
    for (const value of ['ICD203', 'nato', 3, ['phia']]) {
      const { standards, warnings } = read(value);
      assert.equal(standards, 'none');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /^tradecraft\.standards: .* is not one of none, icd203, phia/);
    }
  });
});

describe('the likelihood terms of a document', () => {
  it('counts and reports a term of a footnote that two judgments reference once (so the rows tie here)', async () => {
    const text = lines('---', 'standards: icd203', '---', ':claim[One[^n] [x](https://example.org/x)]{#c1}', ':claim[Two[^n] [x](https://example.org/x)]{#c2}', ':claim[It is likely [x](https://example.org/x)]{#c3}', '', '[^n]: Highly probable, with high confidence.');
    assert.deepEqual(await diagnosticLines(text), ['8:confidence-with-likelihood', '8:mixed-estimative-scale']);
  });

  it('counts silenced terms for mixed-estimative-scale, as the spec says', async () => {
    const text = lines('---', 'standards: icd203', '---', '<!-- tradecraft-disable -->', ':claim[It is probable and probably so [x](https://example.org/x)]{#c1}', '<!-- tradecraft-enable -->', ':claim[It is likely [x](https://example.org/x)]{#c2}');
    assert.deepEqual(await diagnosticLines(text), ['7:mixed-estimative-scale']);
  });
});
