import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProjectConfig } from '../../server/src/config/projectConfig.js';
import { readSeverityEntry } from '../../server/src/config/severity.js';

/** Each problem as `line:character message`, lines counted from 1 as the command line shows them. */
function problemsOf(text: string): string[] {
  return readProjectConfig(text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
}

describe('.tradecraft.yaml', () => {
  it('reads every key', () => {
    const { config, problems } = readProjectConfig(
      ['severity:', '  unused-source: off', '  unsupported-claim: error', 'bibliography: refs.bib', 'include: ["**/*.md", "**/*.qmd"]', 'exclude:', '  - drafts/**', 'standards: icd203', ''].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      severity: { 'unused-source': 'off', 'unsupported-claim': 'error' },
      bibliography: ['refs.bib'],
      include: ['**/*.md', '**/*.qmd'],
      exclude: ['drafts/**'],
      standards: 'icd203',
    });
  });

  it('an empty file, or one of comments, sets nothing and has no problem', () => {
    for (const text of ['', '# nothing yet\n', 'severity:\nbibliography:\n']) {
      const { config, problems } = readProjectConfig(text);
      assert.deepEqual(problems, [], text);
      assert.deepEqual(config, { severity: {}, bibliography: [], include: undefined, exclude: undefined, standards: undefined });
    }
  });

  it('bad YAML is one problem on its line, and nothing of the file applies', () => {
    const reading = readProjectConfig('severity:\n  unused-source: off\nbibliography: [a.bib\n');
    assert.deepEqual(reading.config.severity, {});
    assert.equal(reading.problems.length, 1);
    assert.match(reading.problems[0]!.message, /^\.tradecraft\.yaml is not valid YAML: .*none of its settings apply\.$/);
  });

  it('an unknown code names the right one when it is a near miss, else lists the codes; the other entries still apply', () => {
    const reading = readProjectConfig('severity:\n  unused-sorce: off\n  nonsense: error\n  unknown-source: hint\n');
    assert.deepEqual(reading.config.severity, { 'unknown-source': 'hint' });
    const [nearMiss, unknown] = problemsOf('severity:\n  unused-sorce: off\n  nonsense: error\n');
    assert.equal(nearMiss, '2:3 severity: "unused-sorce" is not a Tradecraft code. Did you mean "unused-source"?');
    assert.match(unknown!, /^3:3 severity: "nonsense" is not a Tradecraft code\. The codes are: unsupported-claim, .*, skipped-content\.$/);
  });

  it('a bad level points at the value and says the allowed ones', () => {
    assert.deepEqual(problemsOf('severity:\n  unused-source: errror\n  empty-marker: 3\n'), [
      '2:18 severity: "errror" is not a severity for unused-source. Did you mean "error"?',
      '3:17 severity: "3" is not a severity for empty-marker. Use one of: error, warning, information, hint, off.',
    ]);
  });

  it('an unknown key suggests the right one; a wrong type is a problem and the default stays', () => {
    const text = 'standard: icd203\nseverity: off\nbibliography: 12\nexclude: [drafts/**, 3]\nstandards: icd-203\ninclude: []\n';
    assert.deepEqual(problemsOf(text), [
      '1:1 "standard" is not a key of .tradecraft.yaml: did you mean "standards"?',
      '2:1 severity: should be a map from each code to error, warning, information, hint or off, such as "unused-source: off".',
      '3:15 bibliography: should be a text or a list of texts.',
      '4:22 exclude: each item should be a text (quote it if YAML reads it as something else).',
      '5:12 standards: "icd-203" is not a standard. Did you mean "icd203"?',
      '6:1 include: lists no glob, so the default file types are checked: name at least one, such as "**/*.md".',
    ]);
    assert.deepEqual(readProjectConfig(text).config, { severity: {}, bibliography: [], include: undefined, exclude: ['drafts/**'], standards: undefined });
  });

  it('a file that is not a map says what it should be', () => {
    assert.deepEqual(problemsOf('- severity\n'), ['1:1 .tradecraft.yaml should be a YAML map of keys: severity, bibliography, include, exclude, standards.']);
  });
});

describe('the severity reader shared by the command line, the editor and the file', () => {
  it('reads a code and a level, and tells a wrong code from a wrong level', () => {
    assert.deepEqual(readSeverityEntry('unused-source', 'off'), { code: 'unused-source', level: 'off' });
    assert.equal((readSeverityEntry('unused-source', 'loud') as { about: string }).about, 'level');
    assert.equal((readSeverityEntry('no-code', 'off') as { about: string }).about, 'code');
  });
});
